import { describe, expect, it } from 'vitest';
import { absorbPage, handOverSeam, walkBounds } from './audit-cursor';
import { estimateBackfill } from './backfill-progress';
import { liveFloor, startCollection } from './collection-state';

const connectedAtMs = 1_700_000_000_500;
const S = 1_700_000_000;
const start = () => startCollection({ generation: 1, authorizedAtMs: connectedAtMs, backfillDays: 7, previous: null });
const secondsOf = (r: { at: number }) => r.at;

describe('the seam between backfill and live tail', () => {
  it('splits at the second of the connection: backfill [S − 7 d, S − 1], live from S', () => {
    const state = start();
    expect(state.backfill).toMatchObject({ from: S - 7 * 86_400, to: S - 1 });
    expect(state.backfill.audit?.at).toBe(S - 7 * 86_400);
    expect(state.audit.at).toBe(S);
    expect(liveFloor(state)).toBe(S);
    // The live tail's first walks never read below the connection, whatever the re-scan.
    expect(walkBounds(state.audit, S + 100, { rescanSeconds: 600, floor: liveFloor(state) })).toEqual({
      from: S,
      to: S + 100,
    });
  });

  it('hands the backfill’s recent ids over, so a re-scan across the seam drops what it published', () => {
    const settings = { rescanSeconds: 600, floor: S - 7 * 86_400 };
    const backfill = absorbPage(
      { at: S - 700, recent: [] },
      [
        { id: 1, at: S - 650 },
        { id: 2, at: S - 1 },
      ],
      secondsOf,
      settings,
    );
    const live = absorbPage({ at: S, recent: [] }, [{ id: 3, at: S + 5 }], secondsOf, settings);
    const handed = handOverSeam(live.cursor, backfill.cursor, 600);
    expect(handed.at).toBe(S + 5);
    // id 1 lies before the live horizon (S + 5 − 600) and can no longer be re-read.
    expect(handed.recent.map((entry) => entry.id).sort()).toEqual([2, 3]);
    const done = { ...start(), backfill: { ...start().backfill, auditDone: true } };
    expect(liveFloor(done)).toBe(S - 7 * 86_400);
    const again = absorbPage(
      handed,
      [
        { id: 2, at: S - 1 },
        { id: 4, at: S - 2 },
        { id: 3, at: S + 5 },
      ],
      secondsOf,
      settings,
    );
    expect(again.fresh.map((record) => record.id)).toEqual([4]);
  });
});

describe('backfill estimate', () => {
  const window = { from: 0, to: 1_000 };
  it('extrapolates the pages still to come from the covered share, at the rate that binds', () => {
    const estimate = estimateBackfill({
      window,
      coveredUntil: 250,
      auditPages: 50,
      auditDone: false,
      usersDone: true,
      nowMs: 0,
      requestsPerMinute: 150,
    });
    expect(estimate).toEqual({ ratio: 0.25, estimatedCompletionMs: 60_000 });
  });

  it('has no ETA before anything is covered, and ends at 1', () => {
    const input = { window, auditPages: 0, usersDone: false, nowMs: 5, requestsPerMinute: 200 };
    expect(estimateBackfill({ ...input, coveredUntil: 0, auditDone: false }).estimatedCompletionMs).toBeNull();
    expect(estimateBackfill({ ...input, coveredUntil: 0, auditDone: true, usersDone: true })).toEqual({
      ratio: 1,
      estimatedCompletionMs: 5,
    });
  });
});

import { activityIdFor, FIRST_SEQUENCE } from '@zc/contracts';
import { waitFor } from '@zc/testing';
import { describe, expect, it } from 'vitest';
import { allAuditIds, seedAccount } from './testing/sim';
import { useCollectorRig } from './testing/collector-rig';

/**
 * Live activity first: while a backfill runs on a budget that keeps it busy for more than a minute,
 * an entry created 10 s after connecting is published within 60 s, and the seam between the
 * backfill ([connectedAt − 7 d, connectedAt)) and the live tail (from connectedAt) has no gap and no
 * duplicate, late arrivals at the seam included. END_LAG and POLL_INTERVAL are realistic (10 s,
 * 20 s) rather than the rig's 1 s, so the freshness measured is the one a deployment would see.
 */
describe('live activity beside the backfill', () => {
  const rig = useCollectorRig({
    fileUrl: import.meta.url,
    instanceId: 'live',
    env: { END_LAG: '10s', POLL_INTERVAL: '20s' },
  });

  it('publishes a live entry within 60 s while the backfill runs, with nothing lost or doubled at the seam', async () => {
    // 17,500 entries = 175 pages at 100 requests/minute: the backfill needs at least two windows.
    const account = seedAccount(rig.sim, 'live-acme', { users: 200, auditPerDay: 2_500, days: 7 });
    const sub = account.subdomain;
    await rig.writer.registered('c-live', sub, 100);
    const connectedAt = Date.now();
    const second = Math.floor(connectedAt / 1000) * 1000;
    await rig.writer.authorized('c-live', account.adminToken, new Date(connectedAt));
    // The seam: entries in the second before the connection and in its own second (either side of
    // the instant), one becoming visible only after the backfill has passed it.
    const seam = [
      ...rig.sim.control.addAuditEntries(sub, {
        entries: [
          { createdAt: second - 1_000, changeDescription: 'seam -1 s' },
          { createdAt: second - 1, changeDescription: 'seam -1 ms' },
          { createdAt: connectedAt, changeDescription: 'seam 0' },
          { createdAt: second + 999, changeDescription: 'seam +999 ms' },
        ],
      }),
      ...rig.sim.control.addAuditEntries(sub, {
        entries: [{ createdAt: second - 2_000, changeDescription: 'seam late' }],
        visibleAfterMs: 100_000,
      }),
    ];

    const completed = () =>
      rig.collection.events.some((e) => e.connectorId === 'c-live' && e.type === 'BackfillCompleted');
    const published = () => rig.activities.events.filter((e) => e.connectorId === 'c-live');
    await waitFor(() => Date.now() >= connectedAt + 10_000, {
      timeoutMs: 20_000,
      description: '10 s after connecting',
    });
    const [live] = rig.sim.control.addAuditEntries(sub, {
      entries: [{ changeDescription: 'live, 10 s after connecting' }],
    });
    const liveId = activityIdFor(sub, live ?? 0);
    const createdAt = Date.now();
    await waitFor(() => published().some((e) => e.data.activityId === liveId), {
      timeoutMs: 60_000,
      intervalMs: 100,
      description: 'the live entry published',
    });
    const visibleAfterMs = Date.now() - createdAt;
    expect(visibleAfterMs).toBeLessThan(60_000);
    expect(completed(), 'the backfill was still running when the live entry was published').toBe(false);

    await waitFor(completed, { timeoutMs: 240_000, description: 'BackfillCompleted' });
    // Zendesk's set once the late entry at the seam has become visible too.
    const held = await waitFor(
      async () => {
        const ids = await allAuditIds(rig.sim, account);
        return seam.every((id) => ids.has(id)) ? ids : null;
      },
      { timeoutMs: 120_000, intervalMs: 1_000, description: 'the late seam entry visible' },
    );
    const expected = [...held].map((id) => activityIdFor(sub, id));
    await waitFor(
      () => {
        const seen = new Set(published().map((e) => e.data.activityId));
        return expected.every((id) => seen.has(id));
      },
      { timeoutMs: 120_000, description: 'every entry, the late one at the seam included' },
    );
    const ids = published().map((e) => e.data.activityId);
    expect(new Set(ids)).toEqual(new Set(expected));
    const sequences = [...new Set(published().map((e) => e.sequence))].sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, index) => FIRST_SEQUENCE + index));
    // No overlap at the seam: until the backfill completed, every window it read ended at the
    // connection's second and every window the live tail read started there.
    const seamIso = new Date(second).toISOString().replace(/\.000Z$/, 'Z');
    const events = rig.collection.events.filter((e) => e.connectorId === 'c-live');
    const completion = events.findIndex((e) => e.type === 'BackfillCompleted');
    const windows = events.slice(0, completion).flatMap((e) => (e.type === 'CoverageRecorded' ? [e.data.window] : []));
    expect(windows.length).toBeGreaterThan(1);
    for (const window of windows) {
      expect(Date.parse(window.to) <= second || Date.parse(window.from) >= second, JSON.stringify(window)).toBe(true);
    }
    expect(windows.some((window) => window.to === seamIso)).toBe(true);
    expect(windows.some((window) => window.from === seamIso)).toBe(true);
    // Without a restart (the first lease term throughout), each activity is published exactly once;
    // a lease lost on a loaded machine re-publishes the pages after its last checkpoint (at least once).
    const state = (await rig.collector.app.inject({ url: '/v1/collection/c-live' })).json<{
      owner: { fence: number };
    }>();
    if (state.owner.fence === 1) expect(ids).toHaveLength(expected.length);

    // Progress: a ratio that only grows, ending at 1, with an ETA while it runs.
    const progress = rig.collection.events.flatMap((e) =>
      e.connectorId === 'c-live' && e.type === 'BackfillProgressed' && e.data.resource === 'audit_logs' ? [e.data] : [],
    );
    const ratios = progress.map((p) => p.ratio ?? 0);
    expect(ratios.at(-1)).toBe(1);
    expect(ratios).toEqual([...ratios].sort((a, b) => a - b));
    expect(progress.slice(0, -1).every((p) => typeof p.estimatedCompletionAt === 'string')).toBe(true);
  }, 420_000);
});

import { describe, expect, it } from 'vitest';
import { absorbPage, initialCursor, walkBounds } from './audit-cursor';

const settings = { rescanSeconds: 600, floor: 1_000 };
const rec = (id: number, at: number) => ({ id, at });
const secondsOf = (r: { at: number }) => r.at;

describe('audit cursor', () => {
  it('starts the first walk at the floor and ends at the given end second', () => {
    expect(walkBounds(initialCursor(1_000), 5_000, settings)).toEqual({ from: 1_000, to: 5_000 });
  });

  it('reaches back by the re-scan window, inclusively, but never below the floor', () => {
    expect(walkBounds({ at: 3_000, recent: [] }, 5_000, settings)).toEqual({ from: 2_400, to: 5_000 });
    expect(walkBounds({ at: 1_200, recent: [] }, 5_000, settings)).toEqual({ from: 1_000, to: 5_000 });
  });

  it('has nothing to walk when the end bound lies before the start', () => {
    expect(walkBounds({ at: 3_000, recent: [] }, 2_000, settings)).toBeNull();
  });

  it('keeps records sharing the last second and drops those already published', () => {
    const first = absorbPage(initialCursor(1_000), [rec(1, 2_000), rec(2, 2_000)], secondsOf, settings);
    expect(first.fresh.map((r) => r.id)).toEqual([1, 2]);
    expect(first.cursor.at).toBe(2_000);
    // The next walk starts inclusively at 2000 - 600 and sees 1 and 2 again plus a late 3 in the same second.
    const second = absorbPage(first.cursor, [rec(1, 2_000), rec(2, 2_000), rec(3, 2_000)], secondsOf, settings);
    expect(second.fresh.map((r) => r.id)).toEqual([3]);
  });

  it('publishes a late arrival inside the re-scan window exactly once', () => {
    const before = absorbPage(initialCursor(1_000), [rec(1, 2_000), rec(2, 2_500)], secondsOf, settings);
    const late = absorbPage(before.cursor, [rec(1, 2_000), rec(9, 2_100), rec(2, 2_500)], secondsOf, settings);
    expect(late.fresh.map((r) => r.id)).toEqual([9]);
    expect(late.cursor.at).toBe(2_500);
    expect(absorbPage(late.cursor, [rec(9, 2_100)], secondsOf, settings).fresh).toEqual([]);
  });

  it('forgets ids older than the re-scan horizon so the checkpoint stays small', () => {
    const cursor = absorbPage(initialCursor(1_000), [rec(1, 1_000), rec(2, 2_000)], secondsOf, settings).cursor;
    expect(cursor.recent.map((r) => r.id)).toEqual([2]);
  });

  it('drops duplicates within one page', () => {
    expect(absorbPage(initialCursor(0), [rec(1, 5), rec(1, 5)], secondsOf, settings).fresh).toHaveLength(1);
  });
});

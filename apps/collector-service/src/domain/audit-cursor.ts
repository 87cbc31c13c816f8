/**
 * Where an audit-log walk stands (reference §4.4). `at` is the highest created_at (epoch seconds)
 * published so far; `recent` holds every id published with created_at within the re-scan horizon
 * below `at`. The next walk starts INCLUSIVELY at `at - rescan`, so entries sharing the last second
 * and entries that became visible late are fetched again, and `recent` drops the ones already sent.
 * Never `created_at > at`: that loses records that share a second (estuary#5205).
 */
export interface AuditCursor {
  readonly at: number;
  readonly recent: readonly RecentId[];
}

export interface RecentId {
  readonly id: number;
  readonly at: number;
}

export interface WalkBounds {
  /** Inclusive, epoch seconds. */
  readonly from: number;
  /** Inclusive, epoch seconds. */
  readonly to: number;
}

export interface CursorSettings {
  readonly rescanSeconds: number;
  /** Never read before this (the start of the backfill window). */
  readonly floor: number;
}

export const initialCursor = (floor: number): AuditCursor => ({ at: floor, recent: [] });

/** The window of the next walk: from the re-scan horizon up to `endSecond` (now − END_LAG). */
export function walkBounds(cursor: AuditCursor, endSecond: number, settings: CursorSettings): WalkBounds | null {
  const from = Math.max(settings.floor, cursor.at - settings.rescanSeconds);
  return endSecond < from ? null : { from, to: endSecond };
}

export interface Absorbed<R> {
  /** Records not published before, in the page's order. */
  readonly fresh: readonly R[];
  readonly cursor: AuditCursor;
}

/**
 * Takes one ascending page: keeps what was not seen, moves `at` to the newest created_at and
 * remembers ids inside the re-scan horizon. Ids older than the horizon are forgotten because no
 * later walk reaches back that far.
 */
export function absorbPage<R extends { id: number }>(
  cursor: AuditCursor,
  page: readonly R[],
  secondsOf: (record: R) => number,
  settings: CursorSettings,
): Absorbed<R> {
  const seen = new Set(cursor.recent.map((entry) => entry.id));
  const fresh: R[] = [];
  const recent = [...cursor.recent];
  let at = cursor.at;
  for (const record of page) {
    if (seen.has(record.id)) continue;
    seen.add(record.id);
    fresh.push(record);
    const second = secondsOf(record);
    recent.push({ id: record.id, at: second });
    if (second > at) at = second;
  }
  const horizon = at - settings.rescanSeconds;
  return { fresh, cursor: { at, recent: recent.filter((entry) => entry.at >= horizon) } };
}

/**
 * The live cursor once the backfill is done: it also remembers the ids the backfill published
 * within the live re-scan horizon, so a re-scan reaching back across the seam drops them.
 */
export function handOverSeam(live: AuditCursor, backfill: AuditCursor, rescanSeconds: number): AuditCursor {
  const horizon = live.at - rescanSeconds;
  const known = new Set(live.recent.map((entry) => entry.id));
  const handed = backfill.recent.filter((entry) => entry.at >= horizon && !known.has(entry.id));
  return { at: live.at, recent: [...live.recent, ...handed] };
}

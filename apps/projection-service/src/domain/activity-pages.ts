import { facetListsOf, type ActivityMatcher, type FacetLists } from './activity-filter';
import type { PageItem } from './activity-view';

/**
 * The query side of the activities view: per connector, one page document per 10-minute bucket holding the
 * bucket's activities newest first, one day document per UTC day listing the day's buckets with a facet of
 * each (the values of the faceted filters in activity-filter.ts that occur in it), and one directory document per connector listing
 * its days. Every read is then a lookup by `_id`, the one shape FerretDB 1.24 serves from an index (MongoDB
 * serves it from `_id_` too), and no query ever asks the store to sort, limit or filter a large set.
 */
export const BUCKET_MS = 10 * 60_000;

export interface ActivityPageDoc {
  _id: string;
  connectorId: string;
  start: Date;
  /** Newest first: (occurredAt desc, _id desc), the API's order. */
  items: PageItem[];
}

export type BucketFacet = { start: Date; count: number } & FacetLists;

export interface ActivityDayDoc {
  _id: string;
  connectorId: string;
  day: string;
  /** Newest first. */
  buckets: BucketFacet[];
}

export interface ActivityDirectoryDoc {
  _id: string;
  /** UTC days (YYYY-MM-DD) that hold activities, newest first. */
  days: string[];
}

export const bucketStartOf = (at: Date): Date => new Date(Math.floor(at.getTime() / BUCKET_MS) * BUCKET_MS);
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
export const pageId = (connectorId: string, start: Date): string => `${connectorId}|${start.toISOString()}`;
export const dayId = (connectorId: string, day: string): string => `${connectorId}|${day}`;

/** The API's order, newest first; the id breaks ties between activities of the same second. */
export function newestFirst(a: { occurredAt: Date; _id: string }, b: { occurredAt: Date; _id: string }): number {
  const byTime = b.occurredAt.getTime() - a.occurredAt.getTime();
  if (byTime !== 0) return byTime;
  return a._id < b._id ? 1 : a._id > b._id ? -1 : 0;
}

/** Strictly after a keyset position in the newest-first order. */
export function isAfterPosition(item: { occurredAt: Date; _id: string }, position: { value: Date; id: string }) {
  const t = item.occurredAt.getTime();
  const p = position.value.getTime();
  return t < p || (t === p && item._id < position.id);
}

export interface PageMerge {
  items: PageItem[];
  /** Ids the page did not hold before, or held with a later collection time: the activity documents need them. */
  added: Set<string>;
}

/**
 * Adds activities to a page. Audit-log records never change, so an item already present stays as it is except
 * for the earliest collection time; merging is idempotent and commutative, whatever was redelivered.
 */
export function mergeIntoPage(existing: readonly PageItem[], incoming: readonly PageItem[]): PageMerge {
  const byId = new Map(existing.map((item) => [item._id, item]));
  const added = new Set<string>();
  let changed = false;
  for (const item of incoming) {
    const seen = byId.get(item._id);
    if (seen === undefined) {
      byId.set(item._id, item);
      added.add(item._id);
      changed = true;
    } else if (item.collectedAt < seen.collectedAt) {
      byId.set(item._id, { ...seen, collectedAt: item.collectedAt });
      added.add(item._id);
      changed = true;
    }
  }
  return { items: changed ? [...byId.values()].sort(newestFirst) : [...existing], added };
}

/** A facet is a pure function of the page, so recomputing it after any merge is always right. */
export function facetOf(page: Pick<ActivityPageDoc, 'start' | 'items'>): BucketFacet {
  return { start: page.start, count: page.items.length, ...facetListsOf(page.items) };
}

/** Replaces the facets of the given buckets in a day's list; returns null when nothing changed. */
export function withFacets(existing: readonly BucketFacet[], facets: readonly BucketFacet[]): BucketFacet[] | null {
  const byStart = new Map(existing.map((facet) => [facet.start.getTime(), facet]));
  let changed = false;
  for (const facet of facets) {
    const seen = byStart.get(facet.start.getTime());
    if (seen !== undefined && JSON.stringify(seen) === JSON.stringify(facet)) continue;
    byStart.set(facet.start.getTime(), facet);
    changed = true;
  }
  if (!changed) return null;
  return [...byStart.values()].sort((a, b) => b.start.getTime() - a.start.getTime());
}

/** Adds days to a directory, newest first; null when all were there. */
export function withDays(existing: readonly string[], days: Iterable<string>): string[] | null {
  const all = new Set(existing);
  const before = all.size;
  for (const day of days) all.add(day);
  if (all.size === before) return null;
  return [...all].sort().reverse();
}

/** The time window a query covers, narrowed by a keyset position (the newest-first order pages downwards). */
export interface Window {
  from?: Date;
  /** Exclusive. */
  to?: Date;
  after?: { value: Date; id: string };
}

/** Whether an item is in the window and passes every filter. */
export function itemMatches(matcher: ActivityMatcher, window: Window, item: PageItem): boolean {
  if (window.from !== undefined && item.occurredAt < window.from) return false;
  if (window.to !== undefined && item.occurredAt >= window.to) return false;
  if (window.after !== undefined && !isAfterPosition(item, window.after)) return false;
  return matcher.item(item);
}

/** The newest instant the window can still contain (exclusive bound), if any. */
export function windowTop(window: Window): Date | undefined {
  const candidates = [window.to, window.after ? new Date(window.after.value.getTime() + 1) : undefined].filter(
    (value): value is Date => value !== undefined,
  );
  if (candidates.length === 0) return undefined;
  return new Date(Math.min(...candidates.map((value) => value.getTime())));
}

/** Buckets of a day to read for a window, newest first. */
export function bucketsInWindow(facets: readonly BucketFacet[], window: Window, matcher: ActivityMatcher) {
  const top = windowTop(window);
  return facets.filter(
    (facet) =>
      (top === undefined || facet.start < top) &&
      (window.from === undefined || facet.start.getTime() + BUCKET_MS > window.from.getTime()) &&
      matcher.bucket(facet),
  );
}

/** Days of a directory to read for a window, newest first. */
export function daysInWindow(days: readonly string[], window: Window): string[] {
  const top = windowTop(window);
  return days.filter((day) => {
    const start = dayStart(day).getTime();
    if (top !== undefined && start >= top.getTime()) return false;
    if (window.from !== undefined && start + 86_400_000 <= window.from.getTime()) return false;
    return true;
  });
}

import { ServiceUnavailableError } from '@zc/errors';
import {
  activityMatcher,
  factsNeeded,
  type ActivityFilters,
  type ConnectorFact,
  type ConnectorFacts,
} from '../domain/activity-filter';
import type { ActivityMatch, ActivityPage, Deadline } from '../domain/activity-query';
import {
  bucketsInWindow,
  dayId,
  daysInWindow,
  itemMatches,
  newestFirst,
  pageId,
  type ActivityPageDoc,
  type Window,
} from '../domain/activity-pages';
import type { PageItem } from '../domain/activity-view';
import { readDay, readPage } from './activity-page-store';
import type { ActivityCollections } from './view-collections';

export class QueryTimeoutError extends ServiceUnavailableError {
  constructor(limitMs: number) {
    super(`The query ran past its ${String(limitMs)} ms limit; narrow the filters or retry shortly.`, {
      code: 'QUERY_TIMEOUT',
      retryAfterSeconds: 1,
    });
  }
}

/** Every store call carries the time left as `maxTimeMS`, so the server stops working for a caller that gave up. */
function remaining(deadline: Deadline, limitMs: number): number {
  const left = deadline.at - deadline.now();
  if (left <= 0) throw new QueryTimeoutError(limitMs);
  return Math.max(1, Math.floor(left));
}

export interface FoundActivity {
  connectorId: string;
  item: PageItem;
}

export interface SearchContext {
  collections: ActivityCollections;
  /** What the filters need to know about a connector (its admins), read by `_id` from the other views. */
  factsOf: (connectorId: string, needs: ReadonlySet<ConnectorFact>, maxTimeMS: number) => Promise<ConnectorFacts>;
  deadline: Deadline;
  limitMs: number;
}

/**
 * Pages read ahead per round: one for the common "latest" query, more as a filter keeps missing. When a facet
 * already ruled buckets out, every bucket left holds a match, so reading many at once wastes little.
 */
const PREFETCH = [1, 2, 4, 8];
const SELECTIVE_PREFETCH = 8;

/**
 * One connector's matching activities, newest first, read lazily: its directory, then each day's facets, then
 * only the pages whose facets can match. Nothing is asked of the store but documents by `_id`.
 */
export async function* connectorActivities(
  context: SearchContext,
  connectorId: string,
  filters: ActivityFilters,
  window: Window,
): AsyncGenerator<FoundActivity> {
  const { collections, deadline, limitMs } = context;
  const maxTimeMS = () => remaining(deadline, limitMs);
  const directory = await collections.directory.findOne({ _id: connectorId }, { maxTimeMS: maxTimeMS() });
  if (directory === null) return;
  const matcher = activityMatcher(filters, await context.factsOf(connectorId, factsNeeded(filters), maxTimeMS()));
  const days = daysInWindow(directory.days, window);
  const readDayAhead = (day: string | undefined) => {
    if (day === undefined) return Promise.resolve(null);
    const read = readDay(collections, dayId(connectorId, day), { maxTimeMS: maxTimeMS() });
    // Read ahead: if the query stops before needing it, its failure must not become an unhandled rejection.
    read.catch(() => undefined);
    return read;
  };
  let round = 0;
  // The next day's facets are read while this day's pages are: a selective filter often walks many days.
  let nextDay = readDayAhead(days[0]);
  for (let d = 0; d < days.length; d += 1) {
    const facets = await nextDay;
    nextDay = readDayAhead(days[d + 1]);
    if (facets === null) continue;
    const buckets = bucketsInWindow(facets.buckets, window, matcher);
    for (let index = 0; index < buckets.length;) {
      const size = matcher.selective ? SELECTIVE_PREFETCH : (PREFETCH[Math.min(round, PREFETCH.length - 1)] ?? 1);
      round += 1;
      const slice = buckets.slice(index, index + size);
      index += size;
      const pages = await Promise.all(
        slice.map((bucket) => readPage(collections, pageId(connectorId, bucket.start), { maxTimeMS: maxTimeMS() })),
      );
      for (const page of pages.filter((found): found is ActivityPageDoc => found !== null)) {
        for (const item of page.items) if (itemMatches(matcher, window, item)) yield { connectorId, item };
      }
    }
  }
}

/**
 * Several connectors' streams merged newest first. The same Zendesk record seen by two connectors (two
 * connectors on one account) comes out once, with both connector ids.
 */
export async function* mergedActivities(streams: AsyncGenerator<FoundActivity>[]): AsyncGenerator<ActivityMatch> {
  const heads = await Promise.all(streams.map(async (stream) => ({ stream, head: await stream.next() })));
  let previous: ActivityMatch | undefined;
  for (;;) {
    let best: (typeof heads)[number] | undefined;
    for (const entry of heads) {
      if (entry.head.done) continue;
      if (best === undefined || newestFirst(entry.head.value.item, (best.head.value as FoundActivity).item) < 0)
        best = entry;
    }
    if (best === undefined || best.head.done) break;
    const found = best.head.value;
    best.head = await best.stream.next();
    if (previous !== undefined && previous.item._id === found.item._id) {
      previous.connectorIds = [...new Set([...previous.connectorIds, found.connectorId])].sort();
      continue;
    }
    if (previous !== undefined) yield previous;
    previous = { item: found.item, connectorIds: [found.connectorId] };
  }
  if (previous !== undefined) yield previous;
}

/** The first `limit` matches, and the keyset position after the last one when more exist. */
export async function firstPage(stream: AsyncGenerator<ActivityMatch>, limit: number): Promise<ActivityPage> {
  const items: ActivityMatch[] = [];
  for await (const found of stream) {
    items.push(found);
    // One more than asked tells whether another page exists without a count.
    if (items.length > limit) break;
  }
  const page = items.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page,
    next: items.length > limit && last ? { value: last.item.occurredAt, id: last.item._id } : null,
  };
}

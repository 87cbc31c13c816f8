import { insertManyReportingDuplicates, type AnyBulkWriteOperation } from '@zc/mongo';
import pLimit from 'p-limit';
import {
  BUCKET_MS,
  bucketStartOf,
  dayId,
  dayOf,
  facetOf,
  mergeIntoPage,
  pageId,
  withDays,
  withFacets,
} from '../domain/activity-pages';
import { mergeActivity, toPageItem, type ActivityDoc, type PageItem } from '../domain/activity-view';
import { readDay, readPage, writeDay, writePage } from './activity-page-store';
import { bulkWriteInChunks } from './chunked-bulk-write';
import type { ActivityCollections } from './view-collections';

export interface ActivityWriteResult {
  /** Documents that were new to the view (the freshness metric counts these once). */
  inserted: ActivityDoc[];
  /** Activities the view already held (redeliveries, re-scans). */
  known: number;
}

/** Round trips in flight per batch: enough to hide latency, few enough to leave the store to the readers. */
const ROUND_TRIPS = 8;

const groupBy = <T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
};

interface PageWrite {
  connectorId: string;
  start: Date;
  items: PageItem[];
  added: Set<string>;
  changed: boolean;
}

/**
 * Writes one batch into the activities view, idempotently and with a cost that depends on the batch, never on
 * the size of the view: every read and write is by `_id`.
 *
 * Order matters for crash safety. The pages are read first and tell which activities are new to the view; only
 * those go to the activity documents (an unordered insert, one round trip), then the pages, their day facets and
 * the connector's directory are written. A batch that is all redeliveries therefore costs one read per 10-minute
 * bucket and day it touches and writes nothing. A crash after the activity documents but before the pages leaves
 * activities the pages lack: the redelivery finds them missing from the pages and writes them again.
 *
 * Each connector's activities arrive through one partition, so one consumer writes a connector's pages at a
 * time; the residual window (two members both working a partition during a rebalance after one of them stalled
 * past its session) is described in the service README.
 */
export async function writeActivities(
  collections: ActivityCollections,
  docs: readonly ActivityDoc[],
): Promise<ActivityWriteResult> {
  const unique = new Map<string, ActivityDoc>();
  for (const doc of docs) {
    const seen = unique.get(doc._id);
    unique.set(doc._id, seen ? mergeActivity(seen, doc) : doc);
  }
  const limit = pLimit(ROUND_TRIPS);

  // One (connector, bucket) entry per page the batch touches.
  const perPage = groupBy(
    [...unique.values()].flatMap((doc) => doc.connectorIds.map((connectorId) => ({ connectorId, doc }))),
    ({ connectorId, doc }) => pageId(connectorId, bucketStartOf(doc.occurredAt)),
  );
  const pages = await Promise.all(
    [...perPage.entries()].map(([id, entries]) =>
      limit(async (): Promise<PageWrite> => {
        const first = entries[0];
        if (!first) throw new Error('empty page group');
        const stored = await readPage(collections, id);
        const merge = mergeIntoPage(
          stored?.items ?? [],
          entries.map((entry) => toPageItem(entry.doc)),
        );
        return {
          connectorId: first.connectorId,
          start: bucketStartOf(first.doc.occurredAt),
          items: merge.items,
          added: merge.added,
          changed: stored === null || !sameItems(stored.items, merge.items),
        };
      }),
    ),
  );

  const newToSomePage = new Set(pages.flatMap((page) => [...page.added]));
  const fresh = [...unique.values()].filter((doc) => newToSomePage.has(doc._id));
  const inserted = await writeActivityDocs(collections, fresh);

  const changedPages = pages.filter((page) => page.changed);
  await Promise.all(
    changedPages.map((page) =>
      limit(async () => {
        await writePage(collections, {
          _id: pageId(page.connectorId, page.start),
          connectorId: page.connectorId,
          start: page.start,
          items: page.items,
        });
      }),
    ),
  );
  // Facets and directory from every touched page, changed or not: a crash between the page writes and these
  // leaves facets only a redelivery (whose pages come back unchanged) can complete. Unchanged ones cost a read.
  await writeDayFacets(collections, pages, limit);
  return { inserted, known: unique.size - newToSomePage.size };
}

function sameItems(a: readonly PageItem[], b: readonly PageItem[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((item, index) => {
    const other = b[index];
    return other !== undefined && item._id === other._id && item.collectedAt.getTime() === other.collectedAt.getTime();
  });
}

/** The activity documents (with the raw record) for activities new to the pages; returns the ones inserted. */
async function writeActivityDocs(collections: ActivityCollections, fresh: ActivityDoc[]): Promise<ActivityDoc[]> {
  const duplicates = await insertManyReportingDuplicates(collections.activities, fresh);
  const existing = fresh.filter((_, index) => duplicates.has(index));
  if (existing.length > 0) {
    // Another connector on the same account, or a crash before the pages were written: merge, blind and by
    // `_id` alone (commutative, so a replay is harmless).
    await bulkWriteInChunks(
      collections.activities,
      existing.map((doc): AnyBulkWriteOperation<ActivityDoc> => ({
        updateOne: {
          filter: { _id: doc._id },
          update: {
            $addToSet: { connectorIds: { $each: doc.connectorIds } },
            $min: { collectedAt: doc.collectedAt },
          },
        },
      })),
    );
  }
  return fresh.filter((_, index) => !duplicates.has(index));
}

async function writeDayFacets(
  collections: ActivityCollections,
  pages: readonly PageWrite[],
  limit: ReturnType<typeof pLimit>,
): Promise<void> {
  const perDay = groupBy(pages, (page) => dayId(page.connectorId, dayOf(page.start)));
  await Promise.all(
    [...perDay.entries()].map(([id, dayPages]) =>
      limit(async () => {
        const first = dayPages[0];
        if (!first) return;
        const stored = await readDay(collections, id);
        const buckets = withFacets(
          stored?.buckets ?? [],
          dayPages.map((page) => facetOf(page)),
        );
        if (buckets === null) return;
        await writeDay(collections, { _id: id, connectorId: first.connectorId, day: dayOf(first.start), buckets });
      }),
    ),
  );
  // The directory last, so a reader never lists a day without facets. Every touched day is offered (one read
  // per connector): a run that crashed before this step left days that only the redelivery can list.
  const days = new Map<string, Set<string>>();
  for (const page of pages)
    days.set(page.connectorId, (days.get(page.connectorId) ?? new Set()).add(dayOf(page.start)));
  await Promise.all(
    [...days.entries()].map(([connectorId, days]) =>
      limit(async () => {
        const stored = await collections.directory.findOne({ _id: connectorId });
        const next = withDays(stored?.days ?? [], days);
        if (next === null) return;
        await collections.directory.replaceOne({ _id: connectorId }, { days: next }, { upsert: true });
      }),
    ),
  );
}

/**
 * Retention: FerretDB has no TTL indexes, so a timer deletes what is older than the cutoff. Pages and facets go
 * by `_id` through each connector's directory; the activity documents by a range delete (a scan on FerretDB,
 * fine for an hourly background job, an index range on MongoDB).
 */
export async function deleteActivitiesBefore(collections: ActivityCollections, cutoff: Date): Promise<number> {
  const cutoffDay = dayOf(cutoff);
  for (const directory of await collections.directory.find().toArray()) {
    const expired = directory.days.filter((day) => day < cutoffDay);
    for (const day of [...expired, ...(directory.days.includes(cutoffDay) ? [cutoffDay] : [])]) {
      const id = dayId(directory._id, day);
      const facets = await readDay(collections, id);
      for (const facet of facets?.buckets ?? []) {
        const page = pageId(directory._id, facet.start);
        if (day < cutoffDay || facet.start.getTime() + BUCKET_MS <= cutoff.getTime()) {
          await collections.pages.deleteOne({ _id: page });
        }
      }
      if (day < cutoffDay) await collections.days.deleteOne({ _id: id });
      else await pruneDay(collections, directory._id, day, cutoff);
    }
    if (expired.length > 0) {
      await collections.directory.replaceOne(
        { _id: directory._id },
        { days: directory.days.filter((day) => day >= cutoffDay) },
      );
    }
  }
  const result = await collections.activities.deleteMany({ occurredAt: { $lt: cutoff } });
  return result.deletedCount;
}

/** The cutoff's own day: drop expired buckets from its facets and expired items from its boundary page. */
async function pruneDay(collections: ActivityCollections, connectorId: string, day: string, cutoff: Date) {
  const id = dayId(connectorId, day);
  const stored = await readDay(collections, id);
  if (stored === null) return;
  const kept = [];
  for (const facet of stored.buckets) {
    if (facet.start.getTime() + BUCKET_MS <= cutoff.getTime()) continue;
    if (facet.start < cutoff) {
      const page = await readPage(collections, pageId(connectorId, facet.start));
      if (page === null) continue;
      const items = page.items.filter((item) => item.occurredAt >= cutoff);
      await writePage(collections, { ...page, items });
      kept.push(facetOf({ start: facet.start, items }));
    } else kept.push(facet);
  }
  await writeDay(collections, { ...stored, buckets: kept.filter((facet) => facet.count > 0) });
}

import type { ActivityDayDoc, ActivityPageDoc, BucketFacet } from '../domain/activity-pages';
import type { PageItem } from '../domain/activity-view';
import type { ActivityCollections, StoredDay, StoredPage } from './view-collections';

/** The lists of pages and facets are stored as JSON text (see StoredPage): dates come back as strings. */
const DATE_KEYS = new Set(['occurredAt', 'collectedAt', 'start']);
const revive = (key: string, value: unknown): unknown =>
  DATE_KEYS.has(key) && typeof value === 'string' ? new Date(value) : value;

const decodePage = (stored: StoredPage): ActivityPageDoc => ({
  _id: stored._id,
  connectorId: stored.connectorId,
  start: stored.start,
  items: JSON.parse(stored.items, revive) as PageItem[],
});

const decodeDay = (stored: StoredDay): ActivityDayDoc => ({
  _id: stored._id,
  connectorId: stored.connectorId,
  day: stored.day,
  buckets: JSON.parse(stored.buckets, revive) as BucketFacet[],
});

interface ReadOptions {
  maxTimeMS?: number;
}

export async function readPage(collections: ActivityCollections, id: string, options: ReadOptions = {}) {
  const stored = await collections.pages.findOne({ _id: id }, options);
  return stored === null ? null : decodePage(stored);
}

export async function readDay(collections: ActivityCollections, id: string, options: ReadOptions = {}) {
  const stored = await collections.days.findOne({ _id: id }, options);
  return stored === null ? null : decodeDay(stored);
}

export async function writePage(collections: ActivityCollections, page: ActivityPageDoc): Promise<void> {
  await collections.pages.replaceOne(
    { _id: page._id },
    { connectorId: page.connectorId, start: page.start, count: page.items.length, items: JSON.stringify(page.items) },
    { upsert: true },
  );
}

export async function writeDay(collections: ActivityCollections, day: ActivityDayDoc): Promise<void> {
  await collections.days.replaceOne(
    { _id: day._id },
    { connectorId: day.connectorId, day: day.day, buckets: JSON.stringify(day.buckets) },
    { upsert: true },
  );
}

/** Every page and day as the domain sees them (tests and tools; a scan). */
export async function allPages(collections: ActivityCollections): Promise<ActivityPageDoc[]> {
  return (await collections.pages.find().toArray()).map(decodePage);
}

export async function allDays(collections: ActivityCollections): Promise<ActivityDayDoc[]> {
  return (await collections.days.find().toArray()).map(decodeDay);
}

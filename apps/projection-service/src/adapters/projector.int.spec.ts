import { isDeepStrictEqual } from 'node:util';
import { connectMongo, type MongoHandle } from '@zc/mongo';

import { uniqueDatabaseName } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { foldAll, type TopicEvent, type Views } from '../domain/view-fold';
import { seededRandom } from '../testing/seeded';
import { partitionBatches, workload, type Streams } from '../testing/workload';
import { allDays, allPages } from './activity-page-store';
import { createProjector } from './projector';
import {
  activityCollection,
  activityCollections,
  statusCollections,
  userCollection,
  ensureViewIndexes,
} from './view-collections';
import { VIEW_NAMES } from '../domain/view-names';

// The acceptance size: 10,000 events, each delivered twice (a redelivered batch costs reads, no writes).
const TOTAL = Number(process.env.PROJ_TOTAL ?? 10_000);
const sortByTime = (items: TopicEvent[]) =>
  [...items].sort((a, b) => Date.parse(a.event.occurredAt) - Date.parse(b.event.occurredAt));

/** Kafka keeps order per partition; here each connector's two status streams stay in time order. */
function perConnectorOrder(streams: Streams): Streams {
  const merged = new Map<string, TopicEvent[]>();
  const rest: Streams = [];
  for (const stream of streams) {
    const first = stream[0];
    if (first && (first.topic === 'connector.events' || first.topic === 'collection.events')) {
      merged.set(first.event.connectorId, [...(merged.get(first.event.connectorId) ?? []), ...stream]);
    } else rest.push(stream);
  }
  return [...rest, ...[...merged.values()].map(sortByTime)];
}

function firstDifference(actual: unknown[], wanted: unknown[]): string | null {
  if (actual.length !== wanted.length) return `${String(actual.length)} documents, wanted ${String(wanted.length)}`;
  const index = actual.findIndex((doc, i) => !isDeepStrictEqual(doc, wanted[i]));
  return index < 0 ? null : `${JSON.stringify(actual[index])}\nwanted ${JSON.stringify(wanted[index])}`;
}

async function stored(mongo: MongoHandle) {
  const { status, history } = statusCollections(mongo, 1);
  const strip = <T extends { _id: unknown }>(docs: T[]) =>
    docs.sort((a, b) => String(a._id).localeCompare(String(b._id)));
  return {
    status: strip(await status.find().toArray()).map(({ version: _v, ...doc }) => doc),
    history: strip(await history.find().toArray()),
    // $addToSet keeps arrival order; the set is what matters (the API returns it sorted).
    activities: strip(await activityCollection(mongo, 1).find().toArray()).map((doc) => ({
      ...doc,
      connectorIds: [...doc.connectorIds].sort(),
    })),
    users: strip(await userCollection(mongo, 1).find().toArray()),
  };
}

function expected(views: Views) {
  const byId = <T extends { _id: string }>(docs: T[]) => docs.sort((a, b) => a._id.localeCompare(b._id));
  return {
    status: byId(
      [...views.status.values()].map((view) => ({
        ...view,
        _id: view.connectorId,
        ...views.activitySummary.get(view.connectorId),
      })),
    ),
    history: byId([...views.history.entries()].map(([id, transition]) => ({ ...transition, _id: id }))),
    activities: byId([...views.activities.values()]),
    users: byId([...views.users.values()]),
  };
}

describe('projector into FerretDB', () => {
  let mongo: MongoHandle;
  beforeAll(async () => {
    mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
    for (const view of VIEW_NAMES) await ensureViewIndexes(mongo, view, 1);
  });
  afterAll(async () => {
    await mongo.db.dropDatabase();
    await mongo.close();
  });

  it(
    `gives the views of one ordered pass when ${String(TOTAL)} events arrive twice, shuffled`,
    { timeout: 120_000 },
    async () => {
      const streams = workload(TOTAL, 20, 7);
      const reference = foldAll(sortByTime(streams.flat()));
      const projector = createProjector({
        mongo,
        views: new Set(VIEW_NAMES),
        versionOf: () => Promise.resolve(1),
        now: () => new Date(Date.UTC(2024, 4, 2)),
        activityRetentionMs: 365 * 86_400_000,
      });
      const ordered = perConnectorOrder(streams);
      const deliveries = [
        ...partitionBatches(ordered, 6, 250, seededRandom(1)),
        ...partitionBatches(ordered, 6, 250, seededRandom(2)),
      ];
      const timings = new Map<string, number>();
      for (const batch of deliveries) {
        const started = performance.now();
        await projector.project(batch.topic, batch.events);
        timings.set(batch.topic, (timings.get(batch.topic) ?? 0) + performance.now() - started);
      }
      process.stdout.write(`projection time by topic (ms): ${JSON.stringify(Object.fromEntries(timings))}\n`);

      const actual = await stored(mongo);
      const wanted = expected(reference);
      expect(actual.activities.length).toBe(wanted.activities.length);
      expect(actual.activities.length).toBeGreaterThan(1_000);
      // A few-line report instead of a diff of thousands of documents.
      for (const view of ['users', 'activities', 'status', 'history'] as const) {
        expect(firstDifference(actual[view], wanted[view]), view).toBeNull();
      }
      // The query pages hold exactly the activity documents, once per connector that collected each, and every
      // facet counts its page.
      const collections = activityCollections(mongo, 1);
      const storedPages = await allPages(collections);
      const paged = storedPages.flatMap((page) => page.items.map((item) => `${page.connectorId}|${item._id}`));
      expect(paged.length).toBe(new Set(paged).size);
      expect(new Set(paged)).toEqual(
        new Set(wanted.activities.flatMap((doc) => doc.connectorIds.map((id) => `${id}|${doc._id}`))),
      );
      const storedDays = await allDays(collections);
      const facetTotal = storedDays.flatMap((day) => day.buckets).reduce((n, f) => n + f.count, 0);
      const pageSizes = new Map(storedPages.map((page) => [page._id, page.items.length]));
      const mismatched = storedDays.flatMap((day) =>
        day.buckets
          .map((facet) => ({ id: `${day.connectorId}|${facet.start.toISOString()}`, count: facet.count }))
          .filter((facet) => pageSizes.get(facet.id) !== facet.count),
      );
      expect(mismatched.slice(0, 5)).toEqual([]);
      expect(facetTotal).toBe(paged.length);
      const listedDays = (await collections.directory.find().toArray()).reduce((n, dir) => n + dir.days.length, 0);
      expect(listedDays).toBe(storedDays.length);
    },
  );
});

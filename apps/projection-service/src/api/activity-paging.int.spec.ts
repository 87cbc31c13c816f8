import { connectMongo, type MongoHandle } from '@zc/mongo';

import { uniqueDatabaseName } from '@zc/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeActivities } from '../adapters/activity-store';
import { activityCollections, ensureViewIndexes, viewAliases } from '../adapters/view-collections';
import { viewQueries } from '../adapters/view-queries';
import { buildApp } from '../app';
import { toActivityDoc } from '../domain/activity-view';
import { activityEvent } from '../testing/events';
import type { HttpApp } from '@zc/http';

// FerretDB scans every page query (~0.1–0.4 ms per stored activity), so the default keeps the file near a minute;
// PAGING_TOTAL=20000 runs the acceptance size (see README for its figures).
const TOTAL = Number(process.env.PAGING_TOTAL ?? 4_000);
const START = Date.UTC(2024, 4, 1);
const doc = (auditLogId: number, occurredAtMs: number) =>
  toActivityDoc(activityEvent({ connectorId: 'c1', account: 'acme', auditLogId, occurredAtMs }));

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0;

describe(`paging through ${String(TOTAL)} activities while new ones arrive`, () => {
  let mongo: MongoHandle;
  let app: HttpApp;
  let collections: ReturnType<typeof activityCollections>;

  beforeAll(async () => {
    mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
    await ensureViewIndexes(mongo, 'activities', 1);
    collections = activityCollections(mongo, 1);
    // Several activities share a second, so the id must break ties.
    for (let from = 0; from < TOTAL; from += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, TOTAL - from) }, (_, i) =>
        doc(from + i, START + Math.floor((from + i) / 3) * 1_000),
      );
      await writeActivities(collections, batch);
    }
    app = await buildApp({
      queries: viewQueries(mongo, viewAliases(mongo)),
      verifyApiKey: () => Promise.resolve({ keyId: 'k', scopes: ['activities:read'] }),
      now: () => new Date(),
      logger: pino({ level: 'silent' }),
    });
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await mongo.db.dropDatabase();
    await mongo.close();
  });

  it(
    'returns every activity that existed before the first page exactly once',
    { timeout: Math.max(120_000, TOTAL * 40) },
    async () => {
      const seen = new Map<string, number>();
      const latencies: number[] = [];
      let cursor: string | null = null;
      let arrivals = 0;
      do {
        const started = performance.now();
        const url: string = `/v1/activities?connector=c1&limit=500${cursor === null ? '' : `&cursor=${cursor}`}`;
        const response = await app.inject({ method: 'GET', url, headers: { authorization: 'Bearer k' } });
        latencies.push(performance.now() - started);
        const page = response.json<{ items: { activityId: string }[]; nextCursor: string | null }>();
        for (const item of page.items) seen.set(item.activityId, (seen.get(item.activityId) ?? 0) + 1);
        cursor = page.nextCursor;
        // New activities land meanwhile: newer than everything, and late ones inside the range already paged.
        const late = [doc(1_000_000 + arrivals, START + TOTAL * 1_000), doc(2_000_000 + arrivals, START + 5_000)];
        arrivals += 1;
        await writeActivities(collections, late);
      } while (cursor !== null);

      const duplicates = [...seen.values()].filter((count) => count > 1).length;
      const missing = Array.from({ length: TOTAL }, (_, i) => `zd:acme:${String(i)}`).filter((id) => !seen.has(id));
      process.stdout.write(
        `paged ${String(seen.size)} activities in ${String(latencies.length)} pages of 500: ` +
          `p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p95 ${percentile(latencies, 0.95).toFixed(0)} ms (FerretDB scans)\n`,
      );
      expect(duplicates).toBe(0);
      expect(missing).toEqual([]);
    },
  );
});

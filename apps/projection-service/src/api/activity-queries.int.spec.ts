import type { HttpApp } from '@zc/http';
import { connectMongo, type MongoHandle } from '@zc/mongo';
import { uniqueDatabaseName } from '@zc/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeActivities } from '../adapters/activity-store';
import { activityCollections, ensureViewIndexes, viewAliases } from '../adapters/view-collections';
import { viewQueries } from '../adapters/view-queries';
import { buildApp } from '../app';
import { ActivityFilters } from '../domain/activity-filter';
import { itemMatches, newestFirst, toPageItem } from '../domain/activity-pages';
import { toActivityDoc, type ActivityDoc } from '../domain/activity-view';
import { activityEvent } from '../testing/events';
import { seededRandom } from '../testing/seeded';

const START = Date.UTC(2026, 10, 24);
const SPAN_MS = 3 * 86_400_000;
const PER_CONNECTOR = 1_500;
const ACTIONS = ['create', 'update', 'destroy', 'login'];
const SOURCES = ['user', 'ticket', 'zendesk/app_market/app'];

function activities(connectorId: string, account: string, seed: number): ActivityDoc[] {
  const random = seededRandom(seed);
  return Array.from({ length: PER_CONNECTOR }, (_, i) => {
    const actorId = random() < 0.1 ? -1 : 1 + Math.floor(random() * 30);
    return toActivityDoc(
      activityEvent({
        connectorId,
        account,
        auditLogId: i + 1,
        // Bursts within a second, so ties on occurredAt are common.
        occurredAtMs: START + Math.floor((random() * SPAN_MS) / 1_000) * 1_000,
        actorId,
        action: ACTIONS[Math.floor(random() * ACTIONS.length)] ?? 'update',
        sourceType: SOURCES[Math.floor(random() * SOURCES.length)] ?? 'user',
        ipAddress:
          actorId < 0 ? null : `10.${String(Math.floor(random() * 4))}.0.${String(1 + Math.floor(random() * 9))}`,
      }),
    );
  });
}

interface Listed {
  activityId: string;
  connectorIds: string[];
}

describe('activity queries against the paged view', () => {
  let mongo: MongoHandle;
  let app: HttpApp;
  const all = [...activities('c1', 'acme', 1), ...activities('c2', 'globex', 2)];
  const headers = { authorization: 'Bearer k' };

  beforeAll(async () => {
    mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
    await ensureViewIndexes(mongo, 'activities', 1);
    const collections = activityCollections(mongo, 1);
    // Delivered out of order, in overlapping batches, some twice: the pages must not care.
    const random = seededRandom(3);
    const shuffled = [...all].sort(() => random() - 0.5);
    for (let from = 0; from < shuffled.length; from += 400)
      await writeActivities(collections, shuffled.slice(from, from + 500));
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

  const pageThrough = async (query: string, limit: number): Promise<Listed[]> => {
    const seen: Listed[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/activities?${query}&limit=${String(limit)}${cursor === null ? '' : `&cursor=${cursor}`}`;
      const response = await app.inject({ method: 'GET', url, headers });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<{ items: Listed[]; nextCursor: string | null }>();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return seen;
  };

  const expected = (params: Record<string, string>) => {
    const { connector, ...rest } = params;
    const filters = ActivityFilters.parse({
      ...rest,
      ...(rest['from'] ? { from: new Date(rest['from']) } : {}),
      ...(rest['to'] ? { to: new Date(rest['to']) } : {}),
    });
    const window = {
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
    };
    return all
      .filter((doc) => connector === undefined || doc.connectorIds.includes(connector))
      .filter((doc) => itemMatches(filters, window, toPageItem(doc)))
      .sort(newestFirst)
      .map((doc) => doc._id);
  };

  const shapes: Record<string, string>[] = [
    { connector: 'c1' },
    {
      connector: 'c1',
      from: new Date(START + 86_400_000).toISOString(),
      to: new Date(START + 2 * 86_400_000).toISOString(),
    },
    { connector: 'c1', actorId: '7' },
    { connector: 'c2', action: 'destroy' },
    { connector: 'c2', ip: '10.2.0.0/16' },
    { connector: 'c1', actorType: 'system' },
    { connector: 'c1', sourceType: 'ticket', q: 'ROLE' },
    {},
  ];

  it.each(shapes)('pages every match of %o exactly once, in order', async (params) => {
    const query = new URLSearchParams(params).toString();
    const seen = await pageThrough(query, 97);
    expect(seen.map((item) => item.activityId)).toEqual(expected(params));
  });

  it('exports the filtered set as NDJSON, equal to paging it', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/activities/export?connector=c2', headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Listed);
    expect(lines.map((line) => line.activityId)).toEqual(expected({ connector: 'c2' }));
    expect(lines[0]?.connectorIds).toEqual(['c2']);
  });

  it('shows one activity with its raw Zendesk record, and refuses bad filters naming them', async () => {
    const first = all[0];
    const one = await app.inject({ method: 'GET', url: `/v1/activities/${first?._id ?? ''}`, headers });
    expect(one.json()).toMatchObject({ activityId: first?._id, raw: { id: first?.auditLogId } });
    const bad = await app.inject({ method: 'GET', url: '/v1/activities?ip=10.0.0.0/99', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('querystring.ip');
  });

  it('answers 503 with Retry-After when a query runs past its time limit', async () => {
    let t = 0;
    const slow = await buildApp({
      queries: viewQueries(mongo, viewAliases(mongo)),
      verifyApiKey: () => Promise.resolve({ keyId: 'k', scopes: ['activities:read'] }),
      now: () => new Date(),
      logger: pino({ level: 'silent' }),
      activityLimits: { queryTimeLimitMs: 100 },
      // Every reading of the clock is 60 ms later: the third store call is past the limit.
      clock: () => (t += 60),
    });
    const response = await slow.inject({ method: 'GET', url: '/v1/activities?connector=c1&actorId=9999', headers });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json()).toMatchObject({ code: 'QUERY_TIMEOUT', status: 503 });
    await slow.close();
  });
});

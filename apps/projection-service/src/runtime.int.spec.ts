import type { CollectionHeartbeat } from '@zc/contracts';
import { createKafkaClient, createPublisher, silentLogger, type KafkaClient } from '@zc/kafka';
import { connectMongo, type MongoHandle } from '@zc/mongo';

import { uniqueDatabaseName, uniqueName, waitFor } from '@zc/testing';
import { pino } from 'pino';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { rebuildPorts } from './adapters/rebuild-ports';
import { activityCollection, statusCollections, userCollection, userCollections } from './adapters/view-collections';
import { rebuildView } from './application/rebuild-view';
import { statusAt } from './domain/status-clock';
import { statusDocumentAt } from './domain/status-document';
import { foldAll } from './domain/view-fold';
import { startProjectionService, type ProjectionService } from './runtime';
import { workload } from './testing/workload';
import { publishEvents } from './testing/kafka-feed';

const KEYS: Record<string, string[]> = {
  'reader-key': ['connectors:read', 'activities:read'],
  'status-only-key': ['connectors:read'],
};
const NOW = new Date(Date.UTC(2024, 4, 2));
/** The reference status as the API shows it at NOW: a workload that ended long before NOW reads as stalled. */
const statusAtNow = (view: Parameters<typeof statusAt>[0]) => statusAt(view, NOW).view.status;

describe('projection service against Kafka and FerretDB', () => {
  const naming = { prefix: `${uniqueName(import.meta.url, 't')}.` };
  const streams = workload(1_500, 5, 9);
  const reference = foldAll(
    streams.flat().sort((a, b) => Date.parse(a.event.occurredAt) - Date.parse(b.event.occurredAt)),
  );
  let mongo: MongoHandle;
  let client: KafkaClient;
  let service: ProjectionService;
  const get = (url: string, key = 'reader-key') =>
    service.app.inject({ method: 'GET', url, headers: key === '' ? {} : { authorization: `Bearer ${key}` } });

  beforeAll(async () => {
    mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
    client = createKafkaClient({ brokers: inject('kafkaBrokers'), clientId: 'feeder', logger: silentLogger });
    service = await startProjectionService({
      kafkaBrokers: inject('kafkaBrokers'),
      naming,
      partitions: 3,
      groupId: uniqueName(import.meta.url, 'group'),
      mongo,
      verifyApiKey: (presented) =>
        Promise.resolve(KEYS[presented] ? { keyId: presented, scopes: KEYS[presented] } : null),
      activityRetentionMs: 365 * 86_400_000,
      retentionIntervalMs: 3_600_000,
      now: () => NOW,
      logger: pino({ level: 'silent' }),
      kafkaLogger: silentLogger,
      maxWaitTimeInMs: 200,
    });
    // A poison message first: it must go to the DLQ without holding the view back.
    const publisher = createPublisher(client);
    await publisher.connect();
    await publisher.publish(`${naming.prefix}connector.events`, [
      {
        key: 'conn-0',
        value: { type: 'NoSuchEvent' },
        headers: { eventType: 'NoSuchEvent', schemaVersion: 1, eventId: 'x' },
      },
    ]);
    await publisher.disconnect();
    await publishEvents(client, naming, streams.flat());
    await waitFor(
      async () =>
        (await activityCollection(mongo, 1).countDocuments()) === reference.activities.size &&
        (await userCollection(mongo, 1).countDocuments()) === reference.users.size &&
        (await statusCollections(mongo, 1).status.countDocuments({ 'collection.position': { $gte: 0 } })) ===
          reference.status.size,
      { timeoutMs: 45_000, description: 'every view caught up' },
    );
  });

  afterAll(async () => {
    await service.stop();
    await service.app.close();
    await mongo.db.dropDatabase();
    await mongo.close();
  });

  it('derives each connector’s status as the ordered pass does', async () => {
    await waitFor(
      async () => {
        const docs = await statusCollections(mongo, 1).status.find().toArray();
        return docs.every((doc) => {
          const want = reference.status.get(doc._id);
          return (
            want &&
            isDeepStrictEqual(doc.connector, want.connector) &&
            isDeepStrictEqual(doc.collection, want.collection) &&
            // The sweep may or may not have stored a stall yet; read at NOW, both sides agree.
            statusDocumentAt(doc, NOW).status === statusAtNow(want)
          );
        });
      },
      { description: 'status documents equal to the reference' },
    );
  });

  it('answers the query API with scopes, problem details and keyset paging', async () => {
    expect((await get('/v1/connectors', '')).statusCode).toBe(401);
    expect((await get('/v1/activities', 'status-only-key')).statusCode).toBe(403);
    const connectors = (await get('/v1/connectors')).json<{ items: { connectorId: string; status: string }[] }>();
    expect(connectors.items.map((item) => item.connectorId).sort()).toEqual([...reference.status.keys()].sort());

    const status = await get('/v1/connectors/conn-1/status');
    expect(status.statusCode).toBe(200);
    const want = reference.status.get('conn-1');
    if (want === undefined) throw new Error('the workload has no conn-1');
    expect(status.json()).toMatchObject({ connectorId: 'conn-1', status: statusAtNow(want) });
    expect(status.json<{ message: string }>().message.length).toBeGreaterThan(10);
    const history = (await get('/v1/connectors/conn-1/history')).json<{ items: { to: string }[] }>();
    expect(history.items.length).toBeGreaterThan(2);
    expect((await get('/v1/connectors/nope/status')).statusCode).toBe(404);

    const bad = await get('/v1/activities?limit=0&from=yesterday');
    expect(bad.statusCode).toBe(400);
    const fields = bad.json<{ errors: { field: string }[] }>().errors.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['querystring.limit', 'querystring.from']));
    expect((await get('/v1/activities?cursor=garbage')).json()).toMatchObject({ status: 400 });

    const expected = [...reference.activities.values()].filter((doc) => doc.connectorIds.includes('conn-2')).length;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/activities?connector=conn-2&limit=97${cursor === null ? '' : `&cursor=${cursor}`}`;
      const page = (await get(url)).json<{ items: { activityId: string }[]; nextCursor: string | null }>();
      seen.push(...page.items.map((item) => item.activityId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen.length).toBe(expected);
    expect(new Set(seen).size).toBe(expected);
    const one = await get(`/v1/activities/${seen[0] ?? ''}`);
    expect(one.json()).toMatchObject({ activityId: seen[0] });

    const users = (await get('/v1/users?connector=conn-1&limit=500')).json<{ items: unknown[] }>();
    expect(users.items.length).toBe(
      [...reference.users.values()].filter((user) => user.connectorId === 'conn-1').length,
    );
  });

  it('exports connector status and activity freshness metrics', async () => {
    const body = (await get('/metrics')).body;
    expect(body).toMatch(/zc_connector_status\{[^}]*connector_id="conn-1"[^}]*\} 1/);
    expect(body).toContain('zc_connector_last_activity_timestamp_seconds{');
    expect(body).toMatch(/zc_activity_freshness_seconds_count\{[^}]*stage="project"[^}]*\} \d+/);
  });

  it('keeps the budget use of the collector’s last heartbeat in the status view', async () => {
    const collected = streams
      .flat()
      .filter((item) => item.topic === 'collection.events' && item.event.connectorId === 'conn-1')
      .map((item) => item.event)
      .sort((a, b) => a.sequence - b.sequence);
    const last = collected.at(-1);
    if (last === undefined) throw new Error('conn-1 has no collection events');
    const at = new Date(NOW.getTime() - 60_000).toISOString();
    const budget = { requestsInWindow: 150, limitPerWindow: 200, windowMs: 60_000 };
    const heartbeat: CollectionHeartbeat = {
      ...last,
      eventId: randomUUID(),
      type: 'CollectionHeartbeat',
      schemaVersion: 1,
      sequence: last.sequence + 1,
      occurredAt: at,
      recordedAt: at,
      data: { instanceId: 'collector-a', pollIntervalMs: 60_000, leaseTtlMs: 30_000, budget },
    };
    await publishEvents(client, naming, [{ topic: 'collection.events', event: heartbeat }]);
    const rateLimit = await waitFor(async () => {
      const status = (await get('/v1/connectors/conn-1/status')).json<{
        rateLimit: { utilisation: number | null; budget: unknown };
      }>();
      return status.rateLimit.utilisation === null ? null : status.rateLimit;
    });
    expect(rateLimit).toEqual({ perMinute: 400, utilisation: 0.75, budget: { ...budget, reportedAt: at } });
  });

  it('rebuilds each view into a new version equal to the live one and switches the alias', async () => {
    for (const view of ['activities', 'users', 'status'] as const) {
      const progress: string[] = [];
      const ports = await rebuildPorts({
        client: createKafkaClient({ brokers: inject('kafkaBrokers'), clientId: 'rebuild', logger: silentLogger }),
        mongo,
        naming,
        activityRetentionMs: 365 * 86_400_000,
        now: () => NOW,
        logger: silentLogger,
      });
      const result = await rebuildView({
        ...ports,
        view,
        now: () => NOW,
        pollIntervalMs: 200,
        onProgress: (p) => progress.push(p.phase),
      }).finally(() => ports.close());
      expect(result.toVersion).toBe(2);
      expect(progress).toContain('done');
    }
    const sortIds = <T extends { connectorIds: string[] }>(doc: T) => ({
      ...doc,
      connectorIds: [...doc.connectorIds].sort(),
    });
    const live = (await activityCollection(mongo, 1).find().sort({ _id: 1 }).toArray()).map(sortIds);
    const rebuilt = (await activityCollection(mongo, 2).find().sort({ _id: 1 }).toArray()).map(sortIds);
    expect(isDeepStrictEqual(rebuilt, live)).toBe(true);
    const users = [
      await userCollection(mongo, 1).find().sort({ _id: 1 }).toArray(),
      await userCollection(mongo, 2).find().sort({ _id: 1 }).toArray(),
    ];
    expect(isDeepStrictEqual(users[1], users[0])).toBe(true);
    const admins = await Promise.all(
      [1, 2].map((version) => userCollections(mongo, version).admins.find().sort({ _id: 1 }).toArray()),
    );
    expect(admins[1]).toEqual(admins[0]);
    const state = async (version: number) =>
      (await statusCollections(mongo, version).status.find().sort({ _id: 1 }).toArray())
        // As read at NOW: the live version's sweep may have stored a stall the rebuilt one has not yet.
        .map((doc) => statusDocumentAt(doc, NOW))
        .map(({ version: _v, statusSince: _s, cause: _c, ...doc }) => doc);
    expect(isDeepStrictEqual(await state(2), await state(1))).toBe(true);
    // The API now reads version 2.
    expect((await get('/v1/connectors')).json<{ items: unknown[] }>().items.length).toBe(reference.status.size);
  });
});

import type { HttpApp } from '@zc/http';
import { connectMongo, type MongoHandle } from '@zc/mongo';
import { uniqueDatabaseName } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createProjector, type Projector } from '../adapters/projector';
import { ensureUserParts } from '../adapters/user-store';
import { ensureViewIndexes, userCollections } from '../adapters/view-collections';
import { activityApi, closeActivityApi } from '../testing/activity-api';
import { activityEvent, userEvent } from '../testing/events';

const T0 = Date.UTC(2026, 10, 30, 9);
const MINUTE = 60_000;

// Actor 7 is an admin of acme (c1) and of nothing on globex (c2); 8 is an agent of acme until promoted.
const activities = [
  ...[7, 8, 7, -1, 9, 8].map((actorId, i) =>
    activityEvent({ connectorId: 'c1', account: 'acme', auditLogId: i + 1, occurredAtMs: T0 + i * MINUTE, actorId }),
  ),
  ...[7, 7].map((actorId, i) =>
    activityEvent({ connectorId: 'c2', account: 'globex', auditLogId: i + 1, occurredAtMs: T0 + i * MINUTE, actorId }),
  ),
];

describe('admin activity only (adminOnly=true) and the user list, from the users view read by `_id`', () => {
  let mongo: MongoHandle;
  let app: HttpApp;
  let projector: Projector;
  const headers = { authorization: 'Bearer k' };

  beforeAll(async () => {
    mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
    for (const view of ['activities', 'users'] as const) await ensureViewIndexes(mongo, view, 1);
    projector = createProjector({
      mongo,
      views: new Set(['activities', 'users']),
      versionOf: () => Promise.resolve(1),
      now: () => new Date(T0 + 86_400_000),
      activityRetentionMs: 30 * 86_400_000,
    });
    // Activities first: no user is known yet.
    await projector.project('zendesk.activities', activities);
    app = await activityApi(mongo);
  }, 120_000);

  afterAll(() => closeActivityApi(app, mongo));

  // Paged in twos, so the cursor walks past buckets and pages the filter skips.
  const listed = async (query: string, cursor?: string): Promise<string[]> => {
    const url = `/v1/activities?${query}&limit=2${cursor === undefined ? '' : `&cursor=${cursor}`}`;
    const response = await app.inject({ method: 'GET', url, headers });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<{ items: { activityId: string }[]; nextCursor: string | null }>();
    const ids = page.items.map((item) => item.activityId);
    return page.nextCursor === null ? ids : [...ids, ...(await listed(query, page.nextCursor))];
  };
  const exported = async (query: string): Promise<string[]> => {
    const response = await app.inject({ method: 'GET', url: `/v1/activities/export?${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.body
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => (JSON.parse(line) as { activityId: string }).activityId);
  };

  it('finds no admin activity while no user is known, and everything with adminOnly=false', async () => {
    expect(await listed('adminOnly=true')).toEqual([]);
    expect(await listed('connector=c1&adminOnly=false')).toHaveLength(6);
  });

  it('keeps the activities of the connector’s admins once the users arrive, whatever their order', async () => {
    // The newer snapshot of 7 (admin) arrives before an older one (agent), which must not win.
    await projector.project('zendesk.users', [
      userEvent('c1', 'acme', 7, T0 + 10 * MINUTE, 'Ada', 'admin'),
      userEvent('c1', 'acme', 8, T0, 'Bob', 'agent'),
      userEvent('c1', 'acme', 9, T0, 'Cy', 'end-user'),
      userEvent('c2', 'globex', 7, T0, 'Ada elsewhere', 'agent'),
    ]);
    await projector.project('zendesk.users', [userEvent('c1', 'acme', 7, T0, 'Ada', 'agent')]);
    expect(await listed('connector=c1&adminOnly=true')).toEqual(['zd:acme:3', 'zd:acme:1']);
    // Without a connector, each connector's own admins: 7 is no admin on globex.
    expect(await listed('adminOnly=true')).toEqual(['zd:acme:3', 'zd:acme:1']);
    expect(await exported('adminOnly=true')).toEqual(['zd:acme:3', 'zd:acme:1']);
    expect(await listed('connector=c1&adminOnly=true&actorType=system')).toEqual([]);
  });

  it('follows a promotion and a demotion, and a redelivered batch changes nothing', async () => {
    const promoted = userEvent('c1', 'acme', 8, T0 + 20 * MINUTE, 'Bob', 'admin');
    const demoted = userEvent('c1', 'acme', 7, T0 + 20 * MINUTE, 'Ada', 'agent');
    await projector.project('zendesk.users', [promoted, demoted]);
    await projector.project('zendesk.users', [promoted, demoted]);
    expect(await listed('connector=c1&adminOnly=true')).toEqual(['zd:acme:6', 'zd:acme:2']);
    expect(await exported('connector=c1&adminOnly=true&actorId=8')).toEqual(['zd:acme:6', 'zd:acme:2']);
    expect(await listed('connector=c1&adminOnly=true&actorId=7')).toEqual([]);
  });

  it('lists users from the connectors’ user directories by `_id`, in `_id` descending order, paged', async () => {
    const pageOf = async (query: string, cursor?: string): Promise<string[]> => {
      const url = `/v1/users?${query}&limit=2${cursor === undefined ? '' : `&cursor=${cursor}`}`;
      const page = (await app.inject({ method: 'GET', url, headers })).json<{
        items: { connectorId: string; userId: number; role: string }[];
        nextCursor: string | null;
      }>();
      const ids = page.items.map((user) => `${user.connectorId}:${String(user.userId)}:${user.role}`);
      return page.nextCursor === null ? ids : [...ids, ...(await pageOf(query, page.nextCursor))];
    };
    expect(await pageOf('connector=c1')).toEqual(['c1:9:end-user', 'c1:8:admin', 'c1:7:agent']);
    expect(await pageOf('')).toEqual(['c2:7:agent', 'c1:9:end-user', 'c1:8:admin', 'c1:7:agent']);
    expect(await pageOf('connector=c3')).toEqual([]);
  });

  it('gives a users view written before the admin ids and directories existed both, once, at startup', async () => {
    const v1 = userCollections(mongo, 1);
    const old = userCollections(mongo, 7);
    await old.users.insertMany(await v1.users.find().toArray());
    await ensureUserParts(old);
    expect(await old.admins.find().sort({ _id: 1 }).toArray()).toEqual(
      await v1.admins.find().sort({ _id: 1 }).toArray(),
    );
    expect(await old.directory.find().sort({ _id: 1 }).toArray()).toEqual(
      await v1.directory.find().sort({ _id: 1 }).toArray(),
    );
  });

  it('refuses a value that is not a boolean, naming the parameter', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/activities?adminOnly=maybe', headers });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('querystring.adminOnly');
  });
});

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { API_KEYS_COLLECTION } from '@zc/api-keys';
import { connectMongo, type MongoHandle } from '@zc/mongo';
import { uniqueDatabaseName, uniqueName } from '@zc/testing';
import { auth, startAuthHarness, type AuthHarness } from './testing/auth-harness';

// A key created before KEYS_MONGO_DB existed, still in the auth database next to the event store.
const LEGACY_ID = 'ab12ab12ab12ab12';
const LEGACY_SECRET = 'L'.repeat(43);
const LEGACY_KEY = `zck_${LEGACY_ID}_${LEGACY_SECRET}`;

const dbName = uniqueDatabaseName(import.meta.url);
let h: AuthHarness;
let seed: MongoHandle;

beforeAll(async () => {
  seed = await connectMongo({ uri: inject('mongoUri'), dbName });
  await seed.db.collection<{ _id: string }>(API_KEYS_COLLECTION).insertOne({
    _id: LEGACY_ID,
    keyId: LEGACY_ID,
    name: 'from before',
    scopes: ['connectors:read'],
    digest: createHash('sha256').update(LEGACY_SECRET).digest('base64url'),
    createdAt: new Date(),
    revokedAt: null,
  } as { _id: string });
  h = await startAuthHarness({
    brokers: inject('kafkaBrokers'),
    mongoUri: inject('mongoUri'),
    dbName,
    topicPrefix: `${uniqueName(import.meta.url)}.`,
  });
});

afterAll(async () => {
  await h.runtime.mongo.db.dropDatabase();
  await h.close();
  await seed.close();
});

const collectionsOf = async (handle: MongoHandle): Promise<string[]> =>
  (await handle.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();

describe('API keys live in a database of their own', () => {
  it('the keys database holds API key digests and nothing of the event store', async () => {
    const created = await h.runtime.app.inject({
      method: 'POST',
      url: '/v1/connectors',
      headers: auth,
      payload: { name: 'Iso', clientId: 'cas', clientSecret: 'iso-client-secret-1', endpoint: 'iso.zendesk.com' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(h.runtime.keysMongo.db.databaseName).not.toBe(h.runtime.mongo.db.databaseName);
    expect(await collectionsOf(h.runtime.keysMongo)).toEqual([API_KEYS_COLLECTION]);
    const authCollections = await collectionsOf(h.runtime.mongo);
    expect(authCollections).toContain('event_commits');
    expect(authCollections).not.toContain(API_KEYS_COLLECTION);
    const stored = JSON.stringify(await h.runtime.keysMongo.db.collection(API_KEYS_COLLECTION).find({}).toArray());
    expect(stored).not.toContain('iso-client-secret-1');
    expect(stored).not.toContain('ciphertext');
  });

  it('moved the key that was in the auth database, and it still works', async () => {
    const response = await h.runtime.app.inject({
      method: 'GET',
      url: '/v1/connectors',
      headers: { authorization: `Bearer ${LEGACY_KEY}` },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await h.runtime.keysMongo.db.collection(API_KEYS_COLLECTION).countDocuments({ keyId: LEGACY_ID })).toBe(1);
  });
});

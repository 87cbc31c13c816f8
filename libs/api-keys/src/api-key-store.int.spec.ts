import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectMongo, type MongoHandle } from '@zc/mongo';
import { uniqueDatabaseName } from '@zc/testing';
import {
  API_KEYS_COLLECTION,
  createApiKeyStore,
  InvalidPresentedKeyError,
  parseScopeList,
  type ApiKeyStore,
} from './index';

describe('api key store against FerretDB', () => {
  let mongo: MongoHandle;
  let store: ApiKeyStore;

  beforeAll(async () => {
    mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
    store = createApiKeyStore(mongo.db);
  });

  afterAll(async () => {
    await mongo.db.dropDatabase();
    await mongo.close();
  });

  it('creates a key shown once and verifies it with its scopes', async () => {
    const { keyId, presented } = await store.create({ name: 'ci', scopes: ['connectors:read', 'connectors:write'] });
    expect(presented).toMatch(new RegExp(`^zck_${keyId}_[A-Za-z0-9_-]{43}$`));
    expect(await store.verify(presented)).toEqual({ keyId, scopes: ['connectors:read', 'connectors:write'] });
    expect(await store.verify(presented)).toEqual({ keyId, scopes: ['connectors:read', 'connectors:write'] });
  });

  it('stores only the SHA-256 digest of the 256-bit secret, no password hash', async () => {
    const { keyId, presented } = await store.create({ name: 'stored', scopes: ['activities:read'] });
    const raw = await mongo.db.collection(API_KEYS_COLLECTION).findOne({ keyId });
    const secret = presented.split('_').slice(2).join('_');
    expect(JSON.stringify(raw)).not.toContain(secret);
    expect(raw).toMatchObject({ keyId, name: 'stored', revokedAt: null });
    expect(raw?.['digest']).toBe(createHash('sha256').update(secret).digest('base64url'));
    expect(raw).not.toHaveProperty('salt');
    expect(raw).not.toHaveProperty('params');
  });

  it('still verifies a key stored with the old scrypt hash, then replaces it by the digest', async () => {
    const keyId = 'feedfacefeedface';
    const secret = randomBytes(32).toString('base64url');
    const salt = randomBytes(16).toString('base64');
    const params = { N: 1024, r: 8, p: 1, keyLength: 32 };
    const hash = scryptSync(secret, Buffer.from(salt, 'base64'), 32, { N: 1024, r: 8, p: 1 }).toString('base64');
    const legacy = { _id: keyId, keyId, name: 'legacy', scopes: ['connectors:read'], salt, hash, params };
    await mongo.db
      .collection<Record<string, unknown> & { _id: string }>(API_KEYS_COLLECTION)
      .insertOne({ ...legacy, createdAt: new Date(), revokedAt: null });
    expect(await store.verify(`zck_${keyId}_${'A'.repeat(43)}`)).toBeNull();
    expect(await mongo.db.collection(API_KEYS_COLLECTION).findOne({ keyId })).toHaveProperty('hash');
    expect(await store.verify(`zck_${keyId}_${secret}`)).toEqual({ keyId, scopes: ['connectors:read'] });
    const migrated = await mongo.db.collection(API_KEYS_COLLECTION).findOne({ keyId });
    expect(migrated?.['digest']).toBe(createHash('sha256').update(secret).digest('base64url'));
    expect(migrated).not.toHaveProperty('hash');
    expect(migrated).not.toHaveProperty('salt');
    expect(await store.verify(`zck_${keyId}_${secret}`)).toEqual({ keyId, scopes: ['connectors:read'] });
  });

  it('refuses wrong secrets, unknown ids and malformed keys', async () => {
    const { keyId, presented } = await store.create({ name: 'x', scopes: ['connectors:read'] });
    const wrong = `zck_${keyId}_${'A'.repeat(43)}`;
    expect(await store.verify(wrong)).toBeNull();
    expect(await store.verify(presented.replace(keyId, '0123456789abcdef'))).toBeNull();
    expect(await store.verify('not-a-key')).toBeNull();
    expect(await store.verify(`${presented}x`.replace(/_[^_]+$/, '_short'))).toBeNull();
  });

  it('revokes a key at once, also after a cached verification', async () => {
    const { keyId, presented } = await store.create({ name: 'to-revoke', scopes: ['connectors:read'] });
    expect(await store.verify(presented)).not.toBeNull();
    expect(await store.revoke(keyId)).toBe(true);
    expect(await store.revoke(keyId)).toBe(false);
    expect(await store.verify(presented)).toBeNull();
    const listed = (await store.list()).find((key) => key.keyId === keyId);
    expect(listed?.revokedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(listed)).not.toContain('hash');
  });

  it('ensures the bootstrap key idempotently and follows a changed secret', async () => {
    const presented = `zck_b00757a9b00757a9_${'s'.repeat(43)}`;
    expect(await store.ensureBootstrapKey(presented, ['connectors:read'])).toMatchObject({ created: true });
    expect(await store.ensureBootstrapKey(presented, ['connectors:read'])).toMatchObject({
      created: false,
      updated: false,
    });
    expect(await mongo.db.collection(API_KEYS_COLLECTION).countDocuments({ keyId: 'b00757a9b00757a9' })).toBe(1);
    expect(await store.verify(presented)).toEqual({ keyId: 'b00757a9b00757a9', scopes: ['connectors:read'] });

    const changed = `zck_b00757a9b00757a9_${'t'.repeat(43)}`;
    expect(await store.ensureBootstrapKey(changed, ['connectors:read'])).toMatchObject({ updated: true });
    expect(await store.verify(presented)).toBeNull();
    expect(await store.verify(changed)).not.toBeNull();
    await expect(store.ensureBootstrapKey('zck_nothex_x', ['connectors:read'])).rejects.toBeInstanceOf(
      InvalidPresentedKeyError,
    );
  });

  it('keeps key ids unique with an index', async () => {
    const indexes = await mongo.db.collection(API_KEYS_COLLECTION).indexes();
    expect(indexes.find((index) => index.name === 'keyId_unique')?.unique).toBe(true);
  });

  it('parses scope lists and names unknown scopes', () => {
    expect(parseScopeList('connectors:read, activities:read')).toEqual(['connectors:read', 'activities:read']);
    expect(() => parseScopeList('connectors:read,admin:all')).toThrow(/admin:all/);
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectMongo, type MongoHandle } from '@zc/mongo';
import { uniqueDatabaseName } from '@zc/testing';
import { PositionAllocator } from './positions';
import { defaultCollectionNames, openCollections } from './records';
import { Lease, type LeaseDoc } from './relay/lease';

// FerretDB 1.24 lets every racer of a conditional update win; these prove the insert-based
// replacements hold when separate instances (as separate processes would) race.
describe('insert-based coordination under races', () => {
  let mongo: MongoHandle;

  beforeAll(async () => {
    mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
  });

  afterAll(async () => {
    await mongo.db.dropDatabase();
    await mongo.close();
  });

  it('hands out each global position once across allocators', async () => {
    const collections = await openCollections(mongo, defaultCollectionNames);
    const allocators = Array.from({ length: 8 }, () => new PositionAllocator(collections));
    const taken = (await Promise.all(allocators.flatMap((a) => [a.allocate(3), a.allocate(2)]))).flat();
    expect(taken).toHaveLength(40);
    expect(new Set(taken).size).toBe(40);
  });

  it('gives a lease term to exactly one of many racing candidates', async () => {
    const leases = mongo.collection<LeaseDoc>('leases');
    const now = () => Date.now();
    const candidates = Array.from(
      { length: 8 },
      (_, n) => new Lease(leases, 'race', `owner-${String(n)}`, 60_000, now),
    );
    const terms = await Promise.all(candidates.map((lease) => lease.acquire()));
    expect(terms.filter((term) => term !== undefined)).toEqual([1]);
    const winner = candidates[terms.indexOf(1)]!;
    expect(await winner.renew(1)).toBe(true);
    await winner.release(1);
    const next = await Promise.all(candidates.map((lease) => lease.acquire()));
    expect(next.filter((term) => term !== undefined)).toEqual([2]);
    expect(await winner.renew(1)).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueDatabaseName } from '@zc/testing';
import { connectMongo, TermLeases, type MongoHandle, type TermDoc } from './index';

interface Checkpoint {
  page: number;
}

// FerretDB 1.24 lets every racer of a conditional update win; the term lease relies on inserts only.
describe('term lease against FerretDB', () => {
  let mongo: MongoHandle;
  let clock = 1_000_000;
  const now = () => clock;

  beforeAll(async () => {
    mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
  });

  afterAll(async () => {
    await mongo.db.dropDatabase();
    await mongo.close();
  });

  const open = (name: string) => TermLeases.open(mongo.collection<TermDoc<Checkpoint>>(name), { ttlMs: 10_000, now });

  it('gives each term to exactly one of many racing candidates, as separate instances would race', async () => {
    const candidates = await Promise.all(Array.from({ length: 12 }, () => open('race')));
    for (const expected of [1, 2, 3]) {
      const won = await Promise.all(candidates.map((leases, n) => leases.acquire('c-1', `owner-${String(n)}`)));
      const winners = won.filter((held) => held !== undefined);
      expect(winners.map((held) => held.term)).toEqual([expected]);
      clock += 10_000; // the winner's term expires; the next round races for the next term
    }
  });

  it('refuses a live lease to others and hands it on once released', async () => {
    const leases = await open('handover');
    const first = await leases.acquire('c-2', 'alpha');
    expect(first?.term).toBe(1);
    expect(await leases.acquire('c-2', 'beta')).toBeUndefined();
    await leases.release(first!);
    const second = await leases.acquire('c-2', 'beta');
    expect(second?.term).toBe(2);
    expect(await leases.renew(first!)).toBeUndefined();
    expect((await leases.renew(second!))?.term).toBe(2);
  });

  it('counts no renewal that lands after the term expired: a successor may already have read it as free', async () => {
    const leases = await open('late');
    const held = await leases.acquire('c-3', 'alpha');
    clock += 10_000;
    expect(await leases.renew(held!)).toBeUndefined();
  });

  it('starts each term from its predecessor checkpoint; a stale holder cannot move the successor one', async () => {
    const leases = await open('fenced');
    const alpha = (await leases.acquire('c-4', 'alpha'))!;
    expect(await leases.save(alpha, { page: 5 })).toBe(true);
    clock += 10_000; // alpha pauses past its TTL
    const beta = (await leases.acquire('c-4', 'beta'))!;
    expect(beta.state).toEqual({ page: 5 });

    await leases.save(alpha, { page: 999 }); // alpha wakes up and writes what it had in hand
    expect((await leases.latest('c-4'))?.state).toEqual({ page: 5 });
    expect(await leases.save(beta, { page: 6 })).toBe(true);
    expect((await leases.latestOfEach()).get('c-4')).toMatchObject({ owner: 'beta', term: 2, state: { page: 6 } });

    clock += 10_000;
    await leases.acquire('c-4', 'gamma');
    expect(await leases.save(alpha, { page: 1_000 })).toBe(false); // two terms behind: its document is gone
  });
});

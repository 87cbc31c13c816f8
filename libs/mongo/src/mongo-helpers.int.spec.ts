import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueDatabaseName } from '@zc/testing';
import {
  connectMongo,
  ensureIndexes,
  IndexConflictError,
  insertManyIgnoringDuplicates,
  insertManyReportingDuplicates,
  isDuplicateKeyError,
  keysetPage,
  pingMongo,
  type KeysetCursor,
  type MongoHandle,
} from './index';

interface Item {
  _id: string;
  group: string;
  rank: number;
}

describe('mongo helpers against FerretDB', () => {
  let mongo: MongoHandle;

  beforeAll(async () => {
    mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
  });

  afterAll(async () => {
    await mongo.db.dropDatabase();
    await mongo.close();
  });

  it('answers the readiness ping', async () => {
    expect(await pingMongo(mongo)).toBe(true);
  });

  it('detects duplicate keys from single and bulk writes', async () => {
    const items = mongo.collection<Item>('dup');
    await items.insertOne({ _id: 'a', group: 'g', rank: 1 });
    const single = await items.insertOne({ _id: 'a', group: 'g', rank: 1 }).catch((e: unknown) => e);
    const bulk = await items
      .insertMany([
        { _id: 'b', group: 'g', rank: 1 },
        { _id: 'a', group: 'g', rank: 1 },
      ])
      .catch((e: unknown) => e);
    expect(isDuplicateKeyError(single)).toBe(true);
    expect(isDuplicateKeyError(bulk)).toBe(true);
    expect(isDuplicateKeyError(new Error('other'))).toBe(false);
  });

  it('ensures indexes idempotently and refuses a conflicting redefinition', async () => {
    const items = mongo.collection<Item>('indexed');
    const specs = [{ key: { group: 1, rank: 1 } as const, name: 'group_rank', unique: true }];
    await ensureIndexes(items, specs);
    await ensureIndexes(items, specs);
    const names = (await items.indexes()).map((index) => index.name);
    expect(names.filter((name) => name === 'group_rank')).toHaveLength(1);
    await items.insertOne({ _id: 'x', group: 'g', rank: 1 });
    expect(isDuplicateKeyError(await items.insertOne({ _id: 'y', group: 'g', rank: 1 }).catch((e: unknown) => e))).toBe(
      true,
    );
    await expect(ensureIndexes(items, [{ key: { rank: 1 }, name: 'group_rank' }])).rejects.toBeInstanceOf(
      IndexConflictError,
    );
  });

  it('inserts past duplicates: in order, or unordered in one go reporting them by index', async () => {
    const batch = ['a', 'b', 'c', 'a'].map((_id, rank) => ({ _id, group: 'g', rank: rank + 1 }));
    const ordered = mongo.collection<Item>('idempotent');
    const unordered = mongo.collection<Item>('unordered');
    for (const items of [ordered, unordered]) await items.insertOne({ _id: 'b', group: 'g', rank: 0 });
    expect(await insertManyIgnoringDuplicates(ordered, batch)).toEqual({ inserted: 2, duplicates: [1, 3] });
    expect(await insertManyReportingDuplicates(unordered, batch)).toEqual(new Set([1, 3]));
    for (const items of [ordered, unordered]) {
      expect((await items.find().sort({ _id: 1 }).toArray()).map((item) => item.rank)).toEqual([1, 0, 3]);
    }
    expect(await insertManyReportingDuplicates(unordered, [{ _id: 'd', group: 'g', rank: 5 }])).toEqual(new Set());
    expect(await insertManyReportingDuplicates(unordered, [])).toEqual(new Set());
  });

  it('pages newest first with ties broken by _id, stable under later inserts', async () => {
    const items = mongo.collection<Item>('paged');
    // Ranks repeat so that pages must break ties on _id.
    await items.insertMany(
      Array.from({ length: 25 }, (_, n) => ({ _id: `i${String(n).padStart(2, '0')}`, group: 'g', rank: n % 5 })),
    );
    const seen: string[] = [];
    let after: KeysetCursor | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await keysetPage(items, {
        field: 'rank',
        limit: 7,
        filter: { group: 'g' },
        ...(after ? { after } : {}),
      });
      seen.push(...page.items.map((item) => item._id));
      if (pages === 0) await items.insertOne({ _id: 'late', group: 'g', rank: 9 });
      if (!page.next) break;
      after = page.next;
    }
    const expected = Array.from({ length: 25 }, (_, n) => ({ id: `i${String(n).padStart(2, '0')}`, rank: n % 5 }))
      .sort((a, b) => b.rank - a.rank || (a.id < b.id ? 1 : -1))
      .map((item) => item.id);
    expect(seen).toEqual(expected);
  });
});

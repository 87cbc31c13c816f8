import { MongoClient, MongoServerError } from 'mongodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { uniqueDatabaseName } from '@zc/testing';

// Proves the official driver works against the provisioned FerretDB for what the product relies on.
describe('mongodb driver against FerretDB', () => {
  const client = new MongoClient(inject('mongoUri'));
  const db = client.db(uniqueDatabaseName(import.meta.url));

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('inserts many and finds with sort and limit', async () => {
    const items = db.collection<{ _id: string; n: number }>('items');
    await items.insertMany(Array.from({ length: 20 }, (_, n) => ({ _id: `i${String(n)}`, n })));
    const top = await items
      .find({ n: { $gte: 5 } })
      .sort({ n: -1 })
      .limit(3)
      .toArray();
    expect(top.map((doc) => doc.n)).toEqual([19, 18, 17]);
  });

  it('upserts with updateOne', async () => {
    const counters = db.collection<{ _id: string; value: number }>('counters');
    await counters.updateOne({ _id: 'a' }, { $inc: { value: 1 } }, { upsert: true });
    await counters.updateOne({ _id: 'a' }, { $inc: { value: 1 } }, { upsert: true });
    expect(await counters.findOne({ _id: 'a' })).toEqual({ _id: 'a', value: 2 });
  });

  it('rejects a unique-index violation with code 11000', async () => {
    const keys = db.collection<{ stream: string; version: number }>('keys');
    await keys.createIndex({ stream: 1, version: 1 }, { unique: true });
    await keys.insertOne({ stream: 's', version: 1 });
    const error = await keys.insertOne({ stream: 's', version: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(11000);
  });
});

import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { uniqueDatabaseName, waitFor } from '@zc/testing';
import { checkIdIndexes, type IdIndexStatus } from './id-index-check';

// FerretDB's own `_id_` index does not serve its `_id` lookups; the wrapper adds one that does
// (idindex.go). Without it every find, update and delete by `_id` scans the collection.
describe('embedded FerretDB indexes `_id` lookups', () => {
  const client = new MongoClient(inject('mongoUri'));
  const location = inject('ferretDb');
  const database = uniqueDatabaseName(import.meta.url);
  const db = client.db(database);
  const collection = (name: string) => db.collection<{ _id: string; n?: number }>(name);

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  const indexed = (statuses: IdIndexStatus[], collection: string) =>
    statuses.find((status) => status.collection === collection && status.idIndex && status.idIndexUsed);

  async function waitUntilIndexed(collection: string): Promise<IdIndexStatus> {
    return waitFor(async () => indexed(await checkIdIndexes(location, database), collection), {
      description: `an _id lookup index on ${database}.${collection}`,
      timeoutMs: 15_000,
    });
  }

  it('indexes a collection of a database created after start', async () => {
    await collection('first').insertOne({ _id: 'a', n: 1 });
    const status = await waitUntilIndexed('first');
    expect(status.idPlan).toMatch(/^SEARCH .* USING (COVERING )?INDEX /);
    expect(await collection('first').findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 1 });
  });

  it('indexes a collection added later to a database it already indexed, and survives a drop', async () => {
    await collection('doomed').insertOne({ _id: 'x' });
    await waitUntilIndexed('doomed');
    await collection('doomed').drop();
    await db.createCollection('second');
    await collection('second').updateOne({ _id: 'b' }, { $set: { n: 2 } }, { upsert: true });
    await waitUntilIndexed('second');
    const statuses = await checkIdIndexes(location, database);
    expect(statuses.map((status) => status.collection).sort()).toEqual(['first', 'second']);
    expect(await collection('second').findOne({ _id: 'b' })).toEqual({ _id: 'b', n: 2 });
  });
});

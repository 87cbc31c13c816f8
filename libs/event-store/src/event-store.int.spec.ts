import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectMongo, type MongoHandle } from '@zc/mongo';
import { uniqueDatabaseName } from '@zc/testing';
import {
  createEventStore,
  EventIdCollisionError,
  handleCommand,
  StreamVersionConflictError,
  type EventStore,
} from './index';

interface Counted {
  eventId: string;
  type: 'Counted';
  n: number;
}

const counted = (n: number): Counted => ({ eventId: randomUUID(), type: 'Counted', n });

describe('event store on FerretDB', () => {
  let mongo: MongoHandle;
  let store: EventStore<Counted>;

  beforeAll(async () => {
    mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
    store = await createEventStore<Counted>({ mongo });
  });

  afterAll(async () => {
    await mongo.db.dropDatabase();
    await mongo.close();
  });

  it('appends and reads back whole events with versions, positions and the stored shape', async () => {
    const stream = `s-${randomUUID()}`;
    const first = [counted(1), counted(2)];
    const appended = await store.appendToStream(stream, 'no_stream', first);
    expect(appended.nextExpectedVersion).toBe(2);
    await store.appendToStream(stream, 2, [counted(3)]);

    const read = await store.readStream(stream);
    expect(read.map((e) => [e.version, e.data.n])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(read[0]?.data).toEqual(first[0]);
    expect(read[1]!.globalPosition).toBeGreaterThan(read[0]!.globalPosition);
    expect((await store.readStream(stream, { fromVersion: 3 })).map((e) => e.version)).toEqual([3]);
    const raw = await mongo.collection<{ _id: string }>('events').findOne({ _id: first[0]!.eventId });
    expect(raw).toMatchObject({
      _id: first[0]!.eventId,
      streamId: stream,
      version: 1,
      type: 'Counted',
      data: first[0],
    });

    const all = await store.readAll({ afterPosition: read[0]!.globalPosition - 1, limit: 100 });
    expect(all.map((e) => e.eventId)).toEqual(expect.arrayContaining(read.map((e) => e.eventId)));
  });

  it('reads a stream of more commits than it walks one by one, in order, from a store that never saw it', async () => {
    const stream = `s-${randomUUID()}`;
    for (let n = 1; n <= 20; n += 1) await store.appendToStream(stream, n - 1, [counted(n)]);
    const fresh = await createEventStore<Counted>({ mongo });
    expect((await fresh.readStream(stream)).map((e) => [e.version, e.data.n])).toEqual(
      Array.from({ length: 20 }, (_, i) => [i + 1, i + 1]),
    );
    expect((await fresh.appendToStream(stream, 20, [counted(21)])).nextExpectedVersion).toBe(21);
  });

  it('a conflict is typed and writes nothing', async () => {
    const stream = `s-${randomUUID()}`;
    await store.appendToStream(stream, 'no_stream', [counted(1), counted(2)]);
    const before = await mongo.collection('events').countDocuments();
    const losing = [counted(3), counted(4)];

    const stale = await store.appendToStream(stream, 1, losing).catch((e: unknown) => e);
    const again = await store.appendToStream(stream, 'no_stream', losing).catch((e: unknown) => e);

    expect(stale).toBeInstanceOf(StreamVersionConflictError);
    expect(stale).toMatchObject({ streamId: stream, expected: 1, actual: 2, code: 'STREAM_VERSION_CONFLICT' });
    expect(again).toMatchObject({ expected: 'no_stream', actual: 2 });
    expect(await mongo.collection('events').countDocuments()).toBe(before);
    expect((await store.readStream(stream)).map((e) => e.data.n)).toEqual([1, 2]);
    expect(await mongo.collection('event_commits').countDocuments({ streamId: stream })).toBe(1);
  });

  it("'any' appends after whatever is there", async () => {
    const stream = `s-${randomUUID()}`;
    await store.appendToStream(stream, 'any', [counted(1)]);
    const result = await store.appendToStream(stream, 'any', [counted(2)]);
    expect(result.events.map((e) => e.version)).toEqual([2]);
  });

  it('refuses a reused event id before reserving anything', async () => {
    const stream = `s-${randomUUID()}`;
    const event = counted(1);
    await store.appendToStream(stream, 'no_stream', [event]);
    await expect(store.appendToStream(stream, 1, [{ ...event, n: 2 }])).rejects.toBeInstanceOf(EventIdCollisionError);
    await expect(store.appendToStream(`s-${randomUUID()}`, 'any', [event])).rejects.toBeInstanceOf(
      EventIdCollisionError,
    );
    expect((await store.readStream(stream)).map((e) => e.version)).toEqual([1]);
  });

  it('a commit whose writer died before copying its events is read whole, and completed', async () => {
    const stream = `s-${randomUUID()}`;
    await store.appendToStream(stream, 'no_stream', [counted(1)]);
    // What a writer leaves when it dies right after its commit insert.
    const orphan = counted(2);
    const record = {
      _id: orphan.eventId,
      streamId: stream,
      version: 2,
      globalPosition: 1e9,
      type: 'Counted',
      data: orphan,
      recordedAt: new Date(),
    };
    await mongo.collection<{ _id: string; [field: string]: unknown }>('event_commits').insertOne({
      _id: `${stream}|1`,
      streamId: stream,
      fromVersion: 2,
      toVersion: 2,
      firstPosition: 1e9,
      events: [record],
      recordedAt: new Date(),
    });

    await expect(store.appendToStream(stream, 1, [counted(3)])).rejects.toMatchObject({ actual: 2 });
    expect((await store.readStream(stream)).map((e) => e.version)).toEqual([1, 2]);
    expect(await mongo.collection<{ _id: string }>('events').findOne({ _id: orphan.eventId })).toMatchObject({
      version: 2,
    });
    await store.appendToStream(stream, 2, [counted(3)]);
    expect((await store.readStream(stream)).map((e) => e.version)).toEqual([1, 2, 3]);
  });

  it('refuses an expected version in the middle of an append', async () => {
    const stream = `s-${randomUUID()}`;
    await store.appendToStream(stream, 'no_stream', [counted(1), counted(2), counted(3)]);
    await expect(store.appendToStream(stream, 2, [counted(4)])).rejects.toMatchObject({ expected: 2, actual: 3 });
  });

  it('handles a command: fold, decide, append, and re-decide after a conflict', async () => {
    const stream = `s-${randomUUID()}`;
    let sneaked = false;
    // Another writer gets in between the handler's read and its append, once.
    const racing: EventStore<Counted> = {
      ...store,
      async appendToStream(streamId, expected, events) {
        if (!sneaked) {
          sneaked = true;
          await store.appendToStream(streamId, 'any', [counted(10)]);
        }
        return store.appendToStream(streamId, expected, events);
      },
    };
    let decisions = 0;
    const result = await handleCommand({
      store: racing,
      streamId: stream,
      initialState: () => 0,
      evolve: (sum: number, event: Counted) => sum + event.n,
      decide: (sum) => {
        decisions += 1;
        return [counted(sum + 1)];
      },
    });
    expect(decisions).toBe(2);
    expect((await store.readStream(stream)).map((e) => [e.version, e.data.n])).toEqual([
      [1, 10],
      [2, 11],
    ]);
    expect(result).toMatchObject({ state: 21, nextExpectedVersion: 2 });
  });
});

import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectMongo, type MongoHandle } from '@zc/mongo';
import { uniqueDatabaseName } from '@zc/testing';
import { createEventStore, StreamVersionConflictError, type EventStore } from './index';

interface Tick {
  eventId: string;
  type: 'Ticked';
  writer: number;
}

const STREAMS = 50;
const WRITERS = 10;
const TARGET = 1_000;

describe('concurrent writers racing on shared streams', () => {
  let mongo: MongoHandle;
  let store: EventStore<Tick>;

  beforeAll(async () => {
    mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
    store = await createEventStore<Tick>({ mongo });
  });

  afterAll(async () => {
    await mongo.db.dropDatabase();
    await mongo.close();
  });

  it('keeps every stream gap-free; losers get the conflict error and write nothing', async () => {
    const streams = Array.from({ length: STREAMS }, (_, n) => `race-${String(n)}`);
    const written = new Set<string>();
    const rejected = new Set<string>();
    let conflicts = 0;
    let appended = 0;

    // Each writer remembers the version it last saw per stream, so it often appends on a stale one.
    const writer = async (id: number) => {
      const known = new Map<string, number>();
      while (appended < TARGET) {
        const stream = streams[randomInt(STREAMS)]!;
        const events = Array.from({ length: 1 + randomInt(3) }, () => ({
          eventId: randomUUID(),
          type: 'Ticked' as const,
          writer: id,
        }));
        const expected = known.get(stream) ?? 'no_stream';
        try {
          const result = await store.appendToStream(stream, expected, events);
          known.set(stream, result.nextExpectedVersion);
          appended += events.length;
          events.forEach((event) => written.add(event.eventId));
        } catch (error) {
          if (!(error instanceof StreamVersionConflictError)) throw error;
          expect(error).toMatchObject({ streamId: stream, expected });
          conflicts += 1;
          known.set(stream, error.actual);
          events.forEach((event) => rejected.add(event.eventId));
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, id) => writer(id)));

    const stored = (await Promise.all(streams.map((stream) => store.readStream(stream)))).flat();
    expect(conflicts).toBeGreaterThan(0);
    expect(stored.length).toBe(appended);
    expect(new Set(stored.map((e) => e.eventId))).toEqual(written);
    expect(stored.some((e) => rejected.has(e.eventId))).toBe(false);
    for (const stream of streams) {
      const versions = stored.filter((e) => e.streamId === stream).map((e) => e.version);
      expect(versions).toEqual(versions.map((_, index) => index + 1));
    }
    const positions = stored.map((e) => e.globalPosition);
    expect(new Set(positions).size).toBe(positions.length);
    // FerretDB serialises writes; ~1,500 racing attempts take tens of seconds on a busy machine.
  }, 300_000);
});

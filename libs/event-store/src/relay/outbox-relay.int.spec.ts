import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { connectMongo, type MongoHandle } from '@zc/mongo';
import { uniqueDatabaseName, waitFor } from '@zc/testing';
import {
  createEventStore,
  createOutboxRelay,
  type EventStore,
  type OutboxRelay,
  type OutboxRelayOptions,
  type StoredEvent,
} from '../index';

interface Counted {
  eventId: string;
  type: 'Counted';
  n: number;
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const handles: MongoHandle[] = [];
const relays: OutboxRelay[] = [];

async function freshStore(): Promise<EventStore<Counted>> {
  const mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
  handles.push(mongo);
  return createEventStore<Counted>({ mongo });
}

function relay(store: EventStore<Counted>, overrides: Partial<OutboxRelayOptions<Counted>> = {}): OutboxRelay {
  const created = createOutboxRelay<Counted>({
    store,
    publish: () => Promise.resolve(),
    checkpointId: 'connector-events',
    batchSize: 25,
    pollIntervalMs: 20,
    maxBackoffMs: 100,
    leaseTtlMs: 1_000,
    logger: quiet,
    ...overrides,
  });
  relays.push(created);
  return created;
}

/** Appends `count` events spread over `streams` streams; returns them per stream. */
async function appendSpread(store: EventStore<Counted>, count: number, streams: number): Promise<void> {
  const ids = Array.from({ length: streams }, () => `connector-${randomUUID()}`);
  await Promise.all(
    ids.map(async (streamId, index) => {
      for (let n = index; n < count; n += streams) {
        await store.appendToStream(streamId, 'any', [{ eventId: randomUUID(), type: 'Counted', n }]);
      }
    }),
  );
}

/** At least once, in order per stream: each delivery of version v follows some delivery of v - 1. */
function expectOrderedPerStream(received: readonly StoredEvent<Counted>[]): void {
  const highest = new Map<string, number>();
  for (const event of received) {
    const seen = highest.get(event.streamId) ?? 0;
    expect(event.version, `${event.streamId} v${String(event.version)} after v${String(seen)}`).toBeLessThanOrEqual(
      seen + 1,
    );
    highest.set(event.streamId, Math.max(seen, event.version));
  }
}

const distinctIds = (received: readonly StoredEvent<Counted>[]) => new Set(received.map((e) => e.eventId)).size;

afterEach(async () => {
  await Promise.all(relays.splice(0).map((r) => r.stop()));
  for (const mongo of handles.splice(0)) {
    await mongo.db.dropDatabase();
    await mongo.close();
  }
});

describe('outbox relay on FerretDB', () => {
  it('publishes every event once, in order per stream, while appends are still going on', async () => {
    const store = await freshStore();
    const received: StoredEvent<Counted>[] = [];
    const running = relay(store, { publish: (events) => Promise.resolve(void received.push(...events)) });
    running.start();
    await appendSpread(store, 150, 15);
    await waitFor(() => received.length >= 150, { description: '150 events published' });
    expect(distinctIds(received)).toBe(150);
    expect(received).toHaveLength(150);
    expectOrderedPerStream(received);
    await waitFor(async () => (await running.lag()).events === 0, { description: 'no lag' });
  });

  it('a relay killed between publishing and checkpointing is resumed by another: nothing missing', async () => {
    const store = await freshStore();
    await appendSpread(store, 120, 12);
    const received: StoredEvent<Counted>[] = [];
    let batches = 0;
    let killedBatch: string[] = [];
    const first: OutboxRelay = relay(store, {
      ownerId: 'first',
      publish: (events) => {
        received.push(...events);
        batches += 1;
        // Dies right after the broker accepted its second batch, before the checkpoint.
        if (batches === 2) {
          killedBatch = events.map((e) => e.eventId);
          first.kill();
        }
        return Promise.resolve();
      },
    });
    first.start();
    await waitFor(() => batches >= 2, { description: 'two batches published by the first relay' });
    await first.stop();

    const second = relay(store, {
      ownerId: 'second',
      publish: (events) => Promise.resolve(void received.push(...events)),
    });
    second.start();
    await waitFor(() => distinctIds(received) === 120, { description: 'all 120 events published', timeoutMs: 20_000 });
    expect(second.isLeader()).toBe(true);
    // The batch whose checkpoint was lost came again: duplicates, never gaps.
    expect(received.filter((e) => killedBatch.includes(e.eventId)).length).toBe(2 * killedBatch.length);
    expectOrderedPerStream(received);
  });

  it('keeps retrying while the broker is down, appends keep succeeding, nothing is lost', async () => {
    const store = await freshStore();
    const received: StoredEvent<Counted>[] = [];
    let brokerUp = false;
    let failures = 0;
    const running = relay(store, {
      publish: (events) => {
        if (!brokerUp) {
          failures += 1;
          return Promise.reject(new Error('broker unavailable'));
        }
        received.push(...events);
        return Promise.resolve();
      },
    });
    running.start();
    await appendSpread(store, 60, 6);
    await waitFor(() => failures >= 3, { description: 'publish retried' });
    await appendSpread(store, 40, 4);
    const lag = await running.lag();
    expect(lag).toMatchObject({ events: 100, streams: 10 });
    expect(lag.oldestAgeMs).toBeGreaterThanOrEqual(0);

    brokerUp = true;
    await waitFor(() => distinctIds(received) === 100, { description: 'all 100 events after recovery' });
    expectOrderedPerStream(received);
    await waitFor(async () => (await running.lag()).events === 0, { description: 'lag drained' });
  });

  it('lets only one relay per checkpoint id publish; the other takes over after a graceful stop', async () => {
    const store = await freshStore();
    const byRelay = { a: [] as StoredEvent<Counted>[], b: [] as StoredEvent<Counted>[] };
    const a = relay(store, { ownerId: 'a', publish: (events) => Promise.resolve(void byRelay.a.push(...events)) });
    const b = relay(store, { ownerId: 'b', publish: (events) => Promise.resolve(void byRelay.b.push(...events)) });
    a.start();
    await waitFor(() => a.isLeader(), { description: 'a leads' });
    b.start();
    await appendSpread(store, 40, 4);
    await waitFor(() => byRelay.a.length === 40, { description: 'a published all' });
    expect(b.isLeader()).toBe(false);
    expect(byRelay.b).toHaveLength(0);

    await a.stop();
    await appendSpread(store, 20, 2);
    await waitFor(() => byRelay.b.length === 20, { description: 'b took over and published the rest' });
    expectOrderedPerStream(byRelay.b);
  });
});

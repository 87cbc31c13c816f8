/**
 * Outbox relay throughput against raw append throughput, on the embedded FerretDB.
 * Run: npx tsx tools/bench/outbox-relay.bench.ts   (env: EVENTS, STREAMS, PER_APPEND, RELAY_BATCH)
 */
import { reportFigure } from './figure';
import { randomUUID } from 'node:crypto';
import { createEventStore, createOutboxRelay, type NewEvent } from '@zc/event-store';
import { consoleReporter, startStack } from '@zc/infra';
import { connectMongo } from '@zc/mongo';
import { waitFor } from '@zc/testing';

const EVENTS = Number(process.env['EVENTS'] ?? 5_000);
const STREAMS = Number(process.env['STREAMS'] ?? 50);
const PER_APPEND = Number(process.env['PER_APPEND'] ?? 10);
const RELAY_BATCH = Number(process.env['RELAY_BATCH'] ?? 500);

interface Benched extends NewEvent {
  n: number;
}

const rate = (count: number, ms: number) => Math.round((count / ms) * 1000);

async function main(): Promise<void> {
  const stack = await startStack({ report: consoleReporter });
  const mongo = await connectMongo({ uri: stack.mongoUri, dbName: `bench_outbox_${String(Date.now())}` });
  try {
    const store = await createEventStore<Benched>({ mongo });

    // One writer per stream, as the auth service appends per connector; appends of PER_APPEND events.
    const perStream = Math.ceil(EVENTS / STREAMS);
    const appendStarted = performance.now();
    await Promise.all(
      Array.from({ length: STREAMS }, async (_, s) => {
        const streamId = `bench-${String(s)}`;
        let version = 0;
        for (let done = 0; done < perStream; done += PER_APPEND) {
          const events = Array.from({ length: Math.min(PER_APPEND, perStream - done) }, (_, i) => ({
            eventId: randomUUID(),
            type: 'Benched',
            n: done + i,
          }));
          version = (await store.appendToStream(streamId, version === 0 ? 'no_stream' : version, events))
            .nextExpectedVersion;
        }
      }),
    );
    const appendMs = performance.now() - appendStarted;
    const total = perStream * STREAMS;

    let published = 0;
    const relay = createOutboxRelay<Benched>({
      store,
      publish: (events) => {
        published += events.length;
        return Promise.resolve();
      },
      checkpointId: 'bench',
      batchSize: RELAY_BATCH,
      pollIntervalMs: 10,
      logger: { info: () => undefined, warn: console.warn, error: console.error },
    });
    const relayStarted = performance.now();
    relay.start();
    await waitFor(() => [...relay.publishedThrough().values()].reduce((sum, v) => sum + v, 0) >= total, {
      timeoutMs: 600_000,
      intervalMs: 5,
      description: 'relay caught up',
    });
    const relayMs = performance.now() - relayStarted;
    await relay.stop();

    const appendRate = rate(total, appendMs);
    const relayRate = rate(total, relayMs);
    console.log(`events ${String(total)} across ${String(STREAMS)} streams, ${String(PER_APPEND)} per append`);
    console.log(`append: ${String(Math.round(appendMs))} ms, ${String(appendRate)} events/s`);
    console.log(
      `relay (no-op port, batch ${String(RELAY_BATCH)}): ${String(Math.round(relayMs))} ms, ${String(relayRate)} events/s, ` +
        `${String(published)} published (duplicates ${String(published - total)})`,
    );
    console.log(`relay / append throughput ratio: ${(relayRate / appendRate).toFixed(2)}`);
    reportFigure({
      bench: 'outbox relay',
      name: 'relay throughput to a no-op port',
      value: relayRate,
      unit: 'events/s',
      reference: { label: 'raw append (event store)', value: appendRate },
      better: 'higher',
      target: 'keeps up with appends (ratio >= 1)',
    });
  } finally {
    await mongo.db.dropDatabase().catch(() => undefined);
    await mongo.close();
    await stack.stop();
  }
}

await main();

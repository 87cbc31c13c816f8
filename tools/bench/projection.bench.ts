/**
 * Projection service figures on a stack this script starts (Kafka + FerretDB):
 *  1. ingest: activities/s projected from Kafka into the view vs a bare insertMany of the same documents (target ≥ 0.7);
 *  2. freshness: created_at (= now when produced) → visible through GET /v1/activities/:id, p50/p95;
 * Query latency at size is activity-views.bench.ts.
 * Run: npx tsx tools/bench/projection.bench.ts [--ingest 20000] [--fresh 100]
 */
import { reportFigure } from './figure';
import { parseArgs } from 'node:util';
import { consoleReporter, startStack } from '@zc/infra';
import { createKafkaClient, ensureTopics, silentLogger } from '@zc/kafka';
import { connectMongo } from '@zc/mongo';
import { pino } from 'pino';
import { startProjectionConsumer } from '../../apps/projection-service/src/adapters/consumer';
import { createProjector } from '../../apps/projection-service/src/adapters/projector';
import { topicSpecs } from '../../apps/projection-service/src/adapters/topics';
import { activityCollection } from '../../apps/projection-service/src/adapters/view-collections';
import { toActivityDoc, type ActivityDoc } from '../../apps/projection-service/src/domain/activity-view';
import { startProjectionService } from '../../apps/projection-service/src/runtime';
import { activityEvent } from '../../apps/projection-service/src/testing/events';
import { publishEvents } from '../../apps/projection-service/src/testing/kafka-feed';

const { values } = parseArgs({
  options: {
    ingest: { type: 'string', default: '20000' },
    fresh: { type: 'string', default: '100' },
  },
});
const INGEST = Number(values.ingest);
const FRESH = Number(values.fresh);
const CONNECTORS = 10;
const out = (line: string) => process.stdout.write(`${line}\n`);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

const activities = (count: number, base: number, auditBase = 0) =>
  Array.from({ length: count }, (_, n) => {
    const connector = n % CONNECTORS;
    return activityEvent({
      connectorId: `conn-${String(connector)}`,
      account: `acct${String(connector)}`,
      auditLogId: auditBase + n,
      occurredAtMs: base + n * 1_000,
      actorId: n % 50,
    });
  });

async function main(): Promise<void> {
  const stack = await startStack({ report: consoleReporter });
  const client = createKafkaClient({ brokers: stack.kafkaBrokers, clientId: 'bench', logger: silentLogger });
  const mongo = await connectMongo({ uri: stack.mongoUri, dbName: `bench_projection_${String(Date.now())}` });
  try {
    // 1. Ingest: the same documents, projected from Kafka vs inserted bare.
    const naming = { prefix: 'bench-ingest.' };
    const events = activities(INGEST, Date.now() - INGEST * 1_000);
    await ensureTopics(client, topicSpecs(naming, ['zendesk.activities'], 6));
    await publishEvents(
      client,
      naming,
      events.map((event) => ({ topic: 'zendesk.activities' as const, event })),
    );
    const docs = events.map(toActivityDoc);
    const bare = mongo.collection<ActivityDoc>('bare_activities');
    let started = performance.now();
    for (let from = 0; from < docs.length; from += 500) {
      await bare.insertMany(
        docs.slice(from, from + 500).map((doc) => ({ ...doc })),
        { ordered: false },
      );
    }
    const bareRate = INGEST / ((performance.now() - started) / 1_000);

    let committed = 0;
    const offsets = new Map<number, number>();
    const projector = createProjector({
      mongo,
      views: new Set(['activities'] as const),
      versionOf: () => Promise.resolve(9),
      now: () => new Date(),
      activityRetentionMs: 365 * 86_400_000,
    });
    started = performance.now();
    const runner = await startProjectionConsumer({
      client,
      groupId: 'bench-ingest',
      naming,
      topics: ['zendesk.activities'],
      projector,
      logger: silentLogger,
      maxWaitTimeInMs: 100,
      onCommitted: ({ partition, offset }) => {
        offsets.set(partition, Number(offset));
        committed = [...offsets.values()].reduce((a, b) => a + b, 0);
      },
    });
    while (committed < INGEST) await new Promise((resolve) => setTimeout(resolve, 20));
    const projectedRate = INGEST / ((performance.now() - started) / 1_000);
    await runner.stop();
    const stored = await activityCollection(mongo, 9).countDocuments();
    reportFigure({
      bench: 'projection',
      name: `ingest of ${String(INGEST)} activities from Kafka`,
      value: projectedRate,
      unit: 'activities/s',
      reference: { label: 'bare insertMany, same store', value: bareRate },
      better: 'higher',
      target: 'ratio >= 0.7',
    });
    out(
      `ingest ${String(INGEST)} activities: bare insertMany ${bareRate.toFixed(0)}/s, projection from Kafka ${projectedRate.toFixed(0)}/s (incl. group join), ratio ${(projectedRate / bareRate).toFixed(2)} (target ≥ 0.7); stored ${String(stored)}`,
    );

    // 2. Freshness through the running service and its API.
    const live = { prefix: 'bench-live.' };
    const service = await startProjectionService({
      kafkaBrokers: stack.kafkaBrokers,
      naming: live,
      partitions: 6,
      groupId: 'bench-live',
      mongo,
      verifyApiKey: () => Promise.resolve({ keyId: 'bench', scopes: ['activities:read', 'connectors:read'] }),
      activityRetentionMs: 365 * 86_400_000,
      retentionIntervalMs: 3_600_000,
      now: () => new Date(),
      logger: pino({ level: 'silent' }),
      kafkaLogger: silentLogger,
      maxWaitTimeInMs: 100,
    });
    while (!service.runner.isJoined()) await new Promise((resolve) => setTimeout(resolve, 50));
    const get = (url: string) => service.app.inject({ method: 'GET', url, headers: { authorization: 'Bearer bench' } });
    const latencies: number[] = [];
    for (let n = 0; n < FRESH; n += 1) {
      const [event] = activities(1, Date.now(), 10_000_000 + n);
      if (!event) break;
      const createdAt = Date.parse(event.data.occurredAt);
      await publishEvents(client, live, [{ topic: 'zendesk.activities', event }]);
      while ((await get(`/v1/activities/${event.data.activityId}`)).statusCode !== 200) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      latencies.push(Date.now() - createdAt);
    }
    for (const [label, q] of [
      ['p50', 0.5],
      ['p95', 0.95],
    ] as const) {
      reportFigure({
        bench: 'projection',
        name: `freshness created_at → visible in the API, ${label}`,
        value: pct(latencies, q),
        unit: 'ms',
        better: 'lower',
      });
    }
    out(
      `freshness created_at → visible in the API over ${String(latencies.length)} activities: p50 ${String(pct(latencies, 0.5))} ms, p95 ${String(pct(latencies, 0.95))} ms`,
    );

    // Query latency at size lives in activity-views.bench.ts (5 × 100,000 activities).
    await service.stop();
    await service.app.close();
  } finally {
    await mongo.db.dropDatabase().catch(() => undefined);
    await mongo.close();
    await stack.stop();
  }
}

await main();

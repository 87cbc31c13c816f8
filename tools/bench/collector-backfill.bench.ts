/**
 * Collector backfill at the default budget: 100,000 audit entries and 20,000 users for one connector
 * at 200 requests/minute (about 1,200 requests, a lower bound of about 6 minutes), then 49 more small
 * connectors to measure the memory of one collector holding 50. Real Kafka and FerretDB (startStack),
 * the simulator in-process. Prints wall time against the bound, budget utilisation, 429s and RSS.
 * Run: npx tsx tools/bench/collector-backfill.bench.ts [--scale 0.1]
 */
import { createLogger } from '@zc/http';
import { consoleReporter, startStack } from '@zc/infra';
import { uniqueName } from '@zc/testing';
import { startCollector } from '../../apps/collector-service/src/collector';
import { ConnectorEventWriter } from '../../apps/collector-service/src/testing/connector-events';
import { collectorFixture, maxInAnyWindow } from '../../apps/collector-service/src/testing/collector-fixture';
import { seedAccount, startSimulator } from '../../apps/collector-service/src/testing/sim';
import { recordTopic } from '../../apps/collector-service/src/testing/topic-recorder';
import { reportFigure } from './figure';

const arg = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const SCALE = arg('scale', 1);
const CONNECTORS = Math.round(arg('connectors', 50));
const BUDGET = 200;
const AUDIT = Math.round(100_000 * SCALE);
const USERS = Math.round(20_000 * SCALE);
const BENCH = 'collector-backfill';
const mb = (bytes: number) => Math.round(bytes / 1_048_576);
const waitUntil = async (probe: () => boolean, what: string, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const stack = await startStack({ report: consoleReporter });
const sim = await startSimulator();
try {
  const prefix = `${uniqueName(import.meta.url)}.`;
  const fixture = collectorFixture({
    brokers: stack.kafkaBrokers,
    mongoUri: stack.mongoUri,
    database: prefix.replace(/[-.]/g, '_'),
    topicPrefix: prefix,
    simBaseUrl: sim.baseUrl,
    env: {
      POLL_INTERVAL: '60s',
      END_LAG: '30s',
      ROLE_CHECK_INTERVAL: '15m',
      CAPABILITY_RETRY_INTERVAL: '5m',
      LEASE_TTL: '30s',
    },
  });
  await fixture.ensureTopics();
  // Authorized as of before seeding, so the seeded week lies wholly inside the backfill window.
  const authorizedAt = new Date();
  const big = seedAccount(sim, 'bench-big', { users: USERS, auditPerDay: Math.ceil(AUDIT / 7), days: 7 });
  const small = Array.from({ length: CONNECTORS - 1 }, (_, i) =>
    seedAccount(sim, `bench-small-${i}`, { users: 20, auditPerDay: 20, days: 7 }),
  );
  const expectedAudit = sim.control.getAccount(big.subdomain).auditEntries;
  const expectedUsers = sim.control.getAccount(big.subdomain).users;
  const writer = new ConnectorEventWriter(fixture.kafka, fixture.topics['connector.events'], fixture.ring);
  await writer.connect();
  const collection = await recordTopic(
    fixture.kafka,
    'collection.events',
    fixture.topics['collection.events'],
    `${prefix}c`,
  );
  const activities = await recordTopic(
    fixture.kafka,
    'zendesk.activities',
    fixture.topics['zendesk.activities'],
    `${prefix}a`,
  );
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const collector = await startCollector({
    config: { ...fixture.config(), INSTANCE_ID: 'bench', LOG_LEVEL: 'warn' },
    logger: createLogger({ serviceName: 'collector-service', level: 'warn' }),
  });
  const done = (id: string) => collection.events.some((e) => e.connectorId === id && e.type === 'BackfillCompleted');

  // Phase 1: one large backfill alone, timed from authorization to BackfillCompleted.
  await writer.registered('c-big', big.subdomain, BUDGET);
  const started = Date.now();
  await writer.authorized('c-big', big.adminToken, authorizedAt);
  await waitUntil(() => done('c-big'), 'the large backfill', 3_600_000);
  const wallMs = Date.now() - started;
  const log = sim.control.requests({ account: big.subdomain });
  const requests = log.length;
  const rejected = log.filter((r) => r.status === 429).length;
  const boundMs = (requests / BUDGET) * 60_000;
  const peak = maxInAnyWindow(
    log.map((r) => Date.parse(r.timestamp)),
    60_000,
  );
  // A sliding window of B per 60 s allows at most B × (t/60 + 1) requests in t seconds (a full window
  // at the start, then B per minute): the share of that capacity the run used.
  const meanUtilisation = requests / (BUDGET * (wallMs / 60_000 + 1));
  const distinct = () => new Set(activities.events.map((e) => e.data.activityId)).size;
  // The last END_LAG of entries arrives with the first poll after the backfill.
  await waitUntil(() => distinct() >= expectedAudit, 'every activity', 150_000).catch(async (error: unknown) => {
    const state = await collector.app.inject({ url: '/v1/collection/c-big' });
    console.error(`published ${distinct()} of ${expectedAudit}; state ${state.body}`);
    throw error;
  });
  const published = new Set(activities.events.filter((e) => e.connectorId === 'c-big').map((e) => e.data.activityId))
    .size;

  // Phase 2: 49 more connectors on the same instance; memory once all of them have backfilled.
  for (const [i, account] of small.entries()) {
    await writer.registered(`c-small-${i}`, account.subdomain, BUDGET);
    await writer.authorized(`c-small-${i}`, account.adminToken);
  }
  await waitUntil(() => small.every((_, i) => done(`c-small-${i}`)), 'the small backfills', 600_000);
  global.gc?.();
  const rss = process.memoryUsage().rss;
  const running = collector.scheduler.running().length;

  console.log(
    `\ncollector backfill, scale ${SCALE}: ${expectedAudit} audit entries, ${expectedUsers} users, budget ${BUDGET}/min`,
  );
  console.log(`  published ${published}/${expectedAudit} distinct activities`);
  console.log(
    `  requests ${requests}, lower bound ${(boundMs / 1000).toFixed(1)} s, wall ${(wallMs / 1000).toFixed(1)} s, ratio ${(wallMs / boundMs).toFixed(3)} (target ≤ 1.05)`,
  );
  console.log(
    `  peak requests in any 60 s ${peak}/${BUDGET} (${((100 * peak) / BUDGET).toFixed(1)} %), mean ${(100 * meanUtilisation).toFixed(1)} % of the sliding-window capacity over the run (target ≥ 95 %)`,
  );
  console.log(`  429 responses ${rejected} (target 0)`);
  console.log(
    `  RSS with ${running} connectors: ${mb(rss)} MB for the whole process (simulator included); collector share ≈ ${mb(rss - rssBefore)} MB (target < 256 MB)`,
  );
  reportFigure({
    bench: BENCH,
    name: 'backfill wall time',
    value: wallMs / 1000,
    unit: 's',
    reference: { label: 'requests ÷ budget', value: boundMs / 1000 },
    better: 'lower',
    target: '≤ 1.05 × bound',
    note: `scale ${SCALE}, ${requests} requests`,
  });
  reportFigure({
    bench: BENCH,
    name: 'budget utilisation (peak 60 s)',
    value: peak / BUDGET,
    unit: 'ratio',
    better: 'higher',
    target: '≥ 0.95',
  });
  reportFigure({ bench: BENCH, name: '429 responses', value: rejected, unit: 'count', better: 'lower', target: '0' });
  reportFigure({
    bench: BENCH,
    name: `RSS with ${running} connectors`,
    value: mb(rss),
    unit: 'MB',
    better: 'lower',
    target: '< 256 MB',
    note: 'whole process incl. simulator',
  });

  await Promise.allSettled([collection.stop(), activities.stop(), writer.disconnect()]);
  await collector.stop();
} finally {
  await sim.close();
  await stack.stop();
}

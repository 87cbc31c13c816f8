/**
 * Collector backfill at the default budget: 100,000 audit entries and 20,000 users for one connector
 * at 200 requests/minute, judged against the request bound R_min = ⌈audit/100⌉ + ⌈users/1000⌉ + the
 * fixed checks (about 1,021 requests: a lower bound of about 5.1 minutes); then the same account size
 * with Zendesk's limit at half the budget (100 against 200, judged against R_min ÷ 100); then 49 more
 * small connectors to measure the memory of one collector holding 50. Real Kafka and FerretDB (startStack);
 * the collector runs as its own process (the production bundle by default), so its RSS is its own,
 * while the simulator and the recorders stay here. Prints wall time against the bound, budget
 * utilisation, 429s and the collector's RSS.
 * Run: npx tsx tools/bench/collector-backfill.bench.ts [--scale 0.3] [--runtime bundle|tsx] [--profiles equal,half]
 */
import { consoleReporter, startStack } from '@zc/infra';
import { uniqueName } from '@zc/testing';
import { ConnectorEventWriter } from '../../apps/collector-service/src/testing/connector-events';
import { collectorFixture, maxInAnyWindow } from '../../apps/collector-service/src/testing/collector-fixture';
import { seedAccount, startSimulator } from '../../apps/collector-service/src/testing/sim';
import { recordTopic } from '../../apps/collector-service/src/testing/topic-recorder';
import { budgetUtilisation } from './budget-utilisation';
import { startCollectorProcess, type CollectorRuntime } from './collector-process';
import { perMinute, printBackfillReport, printMemoryReport, type BackfillFigures } from './collector-backfill-report';
import { metricValue, processMemory, sampleRss } from './process-memory';

const argText = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const arg = (name: string, fallback: number): number => {
  const value = Number(argText(name) ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const runtimeArg = argText('runtime') ?? 'bundle';
if (runtimeArg !== 'bundle' && runtimeArg !== 'tsx') throw new Error('--runtime must be bundle or tsx');
const RUNTIME: CollectorRuntime = runtimeArg;
const SCALE = arg('scale', 1);
const CONNECTORS = Math.round(arg('connectors', 50));
const BUDGET = 200;
const WINDOW_MS = 60_000;
const POLL_MS = 60_000;
const INSTANCE = 'bench';
const AUDIT = Math.round(100_000 * SCALE);
const USERS = Math.round(20_000 * SCALE);
/** The requests a connection needs besides the pages: the role check (users/me). */
const FIXED_CHECKS = 1;
const PROFILES = (argText('profiles') ?? 'equal,half').split(',');
if (PROFILES.some((p) => p !== 'equal' && p !== 'half')) throw new Error('--profiles lists equal and/or half');
const waitUntil = async (probe: () => boolean | Promise<boolean>, what: string, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
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
      POLL_INTERVAL: `${String(POLL_MS)}ms`,
      END_LAG: '30s',
      ROLE_CHECK_INTERVAL: '15m',
      CAPABILITY_RETRY_INTERVAL: '5m',
      LEASE_TTL: '30s',
    },
  });
  await fixture.ensureTopics();
  const small = Array.from({ length: CONNECTORS - 1 }, (_, i) =>
    seedAccount(sim, `bench-small-${i}`, { users: 20, auditPerDay: 20, days: 7 }),
  );
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
  const collector = await startCollectorProcess(fixture.env({ INSTANCE_ID: INSTANCE, LOG_LEVEL: 'warn' }), RUNTIME);
  const done = (id: string) => collection.events.some((e) => e.connectorId === id && e.type === 'BackfillCompleted');

  /** One large backfill alone, timed from authorization to BackfillCompleted. */
  const measure = async (profile: 'equal' | 'half'): Promise<BackfillFigures> => {
    const accountLimit = profile === 'equal' ? BUDGET : BUDGET / 2;
    const connectorId = `c-big-${profile}`;
    // Authorized as of before seeding, so the seeded week lies wholly inside the backfill window.
    const authorizedAt = new Date();
    const big = seedAccount(sim, `bench-big-${profile}`, {
      users: USERS,
      auditPerDay: Math.ceil(AUDIT / 7),
      days: 7,
      rateLimitPerMinute: accountLimit,
    });
    const expectedAudit = sim.control.getAccount(big.subdomain).auditEntries;
    const expectedUsers = sim.control.getAccount(big.subdomain).users;
    await writer.registered(connectorId, big.subdomain, BUDGET);
    const started = Date.now();
    await writer.authorized(connectorId, big.adminToken, authorizedAt);
    await waitUntil(() => done(connectorId), `the large backfill (${profile})`, 3_600_000);
    const ended = Date.now();
    const log = sim.control.requests({ account: big.subdomain }).filter((r) => Date.parse(r.timestamp) <= ended);
    const times = log.map((r) => Date.parse(r.timestamp));
    const rejectedTimes = log.filter((r) => r.status === 429).map((r) => Date.parse(r.timestamp));
    const distinct = () =>
      new Set(activities.events.filter((e) => e.connectorId === connectorId).map((e) => e.data.activityId)).size;
    // Entries of the last END_LAG arrive with the live tail's next poll.
    await waitUntil(() => distinct() >= expectedAudit, 'every activity', 150_000).catch(async (error: unknown) => {
      console.error(
        `published ${distinct()} of ${expectedAudit}; state ${await collector.getText(`/v1/collection/${connectorId}`)}`,
      );
      throw error;
    });
    // How far off the ETAs were that BackfillProgressed carried along the way.
    const etaErrors = collection.events.flatMap((e) =>
      e.connectorId === connectorId &&
      e.type === 'BackfillProgressed' &&
      e.data.resource === 'audit_logs' &&
      typeof e.data.estimatedCompletionAt === 'string' &&
      (e.data.ratio ?? 1) < 1
        ? [{ ratio: e.data.ratio ?? 0, errorMs: Date.parse(e.data.estimatedCompletionAt) - ended }]
        : [],
    );
    return {
      profile,
      etaErrors,
      scale: SCALE,
      budget: BUDGET,
      accountLimit,
      windowMs: WINDOW_MS,
      auditEntries: expectedAudit,
      users: expectedUsers,
      rMin: Math.ceil(expectedAudit / 100) + Math.ceil(expectedUsers / 1000) + FIXED_CHECKS,
      published: distinct(),
      requests: log.length,
      rejected: rejectedTimes.length,
      rejectedPerMinute: perMinute(rejectedTimes, started, WINDOW_MS),
      wallMs: ended - started,
      firstRequestMs: Math.min(...times) - started,
      peakInWindow: maxInAnyWindow(times, WINDOW_MS),
      utilisation: budgetUtilisation({
        times,
        startMs: started,
        endMs: ended,
        budgetPerWindow: accountLimit,
        windowMs: WINDOW_MS,
      }),
    };
  };
  const profiles: BackfillFigures[] = [];
  for (const profile of PROFILES as ('equal' | 'half')[]) profiles.push(await measure(profile));

  // Phase 2: 49 more connectors on the same instance; its RSS while it backfills them, then while
  // it holds all 50 through a poll interval.
  const sampler = sampleRss(collector.pid, 500);
  for (const [i, account] of small.entries()) {
    await writer.registered(`c-small-${i}`, account.subdomain, BUDGET);
    await writer.authorized(`c-small-${i}`, account.adminToken);
  }
  await waitUntil(() => small.every((_, i) => done(`c-small-${i}`)), 'the small backfills', 600_000);
  await new Promise((resolve) => setTimeout(resolve, POLL_MS + 5_000));
  await sampler.stop();
  const memory = await processMemory(collector.pid);
  const ids = [...PROFILES.map((p) => `c-big-${p}`), ...small.map((_, i) => `c-small-${i}`)];
  const owners = await Promise.all(
    ids.map(async (id) => {
      const view = JSON.parse(await collector.getText(`/v1/collection/${id}`)) as {
        owner: { instanceId: string | null } | null;
      };
      return view.owner?.instanceId;
    }),
  );
  const held = owners.filter((owner) => owner === INSTANCE).length;

  const metrics = await collector.getText('/metrics');
  for (const figures of profiles) printBackfillReport(figures);
  printMemoryReport({
    runtime: RUNTIME,
    held,
    connectors: ids.length,
    rssBytes: memory.rssBytes,
    sampledPeakBytes: sampler.max(),
    lifePeakBytes: memory.peakRssBytes,
    heapUsedBytes: metricValue(metrics, 'nodejs_heap_size_used_bytes'),
    externalBytes: metricValue(metrics, 'nodejs_external_memory_bytes'),
  });

  await Promise.allSettled([collection.stop(), activities.stop(), writer.disconnect()]);
  await collector.stop();
} finally {
  await sim.close();
  await stack.stop();
}

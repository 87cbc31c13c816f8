/**
 * Projection crash recovery at size (issue 13): publish --activities ZendeskActivityRecorded events (100,000 at
 * --scale 1), run the projection service as its own process, kill -9 it once --kill-at of the backlog is
 * committed, restart it, and measure the time until the group's lag is 0; then check that the API serves
 * exactly the topic's activity ids. Target: caught up within 2 minutes of the restart.
 * Run: npx tsx tools/bench/projection-crash.bench.ts [--scale 1] [--connectors 5] [--kill-at 0.5]
 *      [--session-timeout 30s] [--concurrency 1] [--timeout-min 30] [--stall-min 3]
 */
import { parseArgs } from 'node:util';
import { createApiKeyStore } from '@zc/api-keys';
import { TOPIC_NAMES } from '@zc/contracts';
import { consoleReporter, startStack } from '@zc/infra';
import { connectClusterAdmin, createKafkaClient, ensureTopics, silentLogger } from '@zc/kafka';
import { connectMongo } from '@zc/mongo';
import { physicalTopic, topicSpecs } from '../../apps/projection-service/src/adapters/topics';
import { activityEvent } from '../../apps/projection-service/src/testing/events';
import { publishEvents } from '../../apps/projection-service/src/testing/kafka-feed';
import {
  startProjectionProcess,
  type ProjectionProcess,
} from '../../apps/projection-service/src/testing/projection-process';
import { activityIdsViaApi, groupLag, idSetDifference } from '../../apps/projection-service/src/testing/view-ids';
import { reportFigure } from './figure';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    connectors: { type: 'string', default: '5' },
    'kill-at': { type: 'string', default: '0.5' },
    // The service's default: a restarted instance waits for the killed member's session to expire.
    'session-timeout': { type: 'string', default: '30s' },
    'timeout-min': { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '1' },
    // No lag change for this long ends the run as stuck (and says what /v1/lag reports).
    'stall-min': { type: 'string', default: '3' },
  },
});
const ACTIVITIES = Math.round(100_000 * Number(values.scale));
const CONNECTORS = Array.from({ length: Number(values.connectors) }, (_, n) => `conn-${String(n)}`);
const KILL_AT = Number(values['kill-at']);
const TIMEOUT_MS = Number(values['timeout-min']) * 60_000;
const TARGET_MS = 120_000;
const out = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => (ms / 1_000).toFixed(1);

const STALL_MS = Number(values['stall-min']) * 60_000;

/** Waits until the lag is at most `target`; fails at the deadline or once the lag stopped moving for STALL_MS. */
async function lagDownTo(lag: () => Promise<number>, target: number, deadline: number): Promise<void> {
  let last = Number.POSITIVE_INFINITY;
  let movedAt = Date.now();
  for (let current = await lag(); current > target; current = await lag()) {
    if (current !== last) [last, movedAt] = [current, Date.now()];
    if (Date.now() > deadline) throw new Error(`timed out at lag ${String(current)} waiting for ${String(target)}`);
    if (Date.now() - movedAt > STALL_MS)
      throw new Error(`lag stuck at ${String(current)} for ${values['stall-min']} min`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<void> {
  const stack = await startStack({ report: consoleReporter });
  const client = createKafkaClient({ brokers: stack.kafkaBrokers, clientId: 'bench-crash', logger: silentLogger });
  const naming = { prefix: 'bench-crash.' };
  const groupId = 'bench-crash-projection';
  const database = `bench_crash_${String(Date.now())}`;
  const topic = physicalTopic(naming, 'zendesk.activities');
  const running: ProjectionProcess[] = [];
  const admin = await connectClusterAdmin(client);
  try {
    await ensureTopics(client, topicSpecs(naming, TOPIC_NAMES, 6));
    const auth = await connectMongo({ uri: stack.mongoUri, dbName: `${database}_keys` });
    const apiKey = (await createApiKeyStore(auth.db).create({ name: 'bench', scopes: ['activities:read'] })).presented;
    await auth.close();

    // Recent activities: the service's 180-day retention would drop older ones.
    const base = Date.now() - 2 * 86_400_000;
    const events = Array.from({ length: ACTIVITIES }, (_, n) => {
      const connector = n % CONNECTORS.length;
      return activityEvent({
        connectorId: CONNECTORS[connector] ?? 'conn-0',
        account: `acct${String(connector)}`,
        auditLogId: n,
        occurredAtMs: base + n * 1_000,
        actorId: n % 50,
      });
    });
    let started = performance.now();
    await publishEvents(
      client,
      naming,
      events.map((event) => ({ topic: 'zendesk.activities' as const, event })),
    );
    const published = new Set(events.map((event) => event.data.activityId));
    out(`published ${String(ACTIVITIES)} activities in ${seconds(performance.now() - started)} s`);

    const start = (name: string) =>
      startProjectionProcess(
        name,
        {
          KAFKA_BROKERS: stack.kafkaBrokers.join(','),
          KAFKA_TOPIC_PREFIX: naming.prefix,
          CONSUMER_GROUP: groupId,
          CONSUMER_SESSION_TIMEOUT: values['session-timeout'],
          CONSUMER_PARTITIONS_CONCURRENTLY: values.concurrency,
          MONGO_URI: stack.mongoUri,
          MONGO_DB: database,
          KEYS_MONGO_DB: `${database}_keys`,
          LAG_GROUPS: groupId,
        },
        { onLine: (line) => process.stderr.write(`[${name}] ${line}\n`), readyTimeoutMs: TIMEOUT_MS },
      ).then((instance) => {
        running.push(instance);
        return instance;
      });
    const deadline = Date.now() + TIMEOUT_MS;
    const lag = () => groupLag(admin, groupId, [topic]);

    started = performance.now();
    const first = await start('projection-1');
    const killLag = Math.round(ACTIVITIES * (1 - KILL_AT));
    await lagDownTo(lag, killLag, deadline);
    const beforeKillMs = performance.now() - started;
    const lagAtKill = await lag();
    await first.kill();
    running.splice(running.indexOf(first), 1);
    const killedAt = performance.now();
    out(
      `first run: ${String(ACTIVITIES - lagAtKill)} activities committed in ${seconds(beforeKillMs)} s ` +
        `(${((ACTIVITIES - lagAtKill) / (beforeKillMs / 1_000)).toFixed(0)}/s incl. start); kill -9 at lag ${String(lagAtKill)}`,
    );

    const restartedAt = performance.now();
    const second = await start('projection-2');
    const readyMs = performance.now() - restartedAt;
    try {
      await lagDownTo(lag, 0, deadline);
    } catch (error) {
      const report = await fetch(`${second.url}/v1/lag?group=${groupId}`).then((r) => r.text());
      out(`restart did not catch up: ${String(error)}; /v1/lag: ${report}`);
      throw error;
    }
    const caughtUpMs = performance.now() - restartedAt;
    const sinceKillMs = performance.now() - killedAt;

    started = performance.now();
    const served = await activityIdsViaApi(second.url, apiKey, CONNECTORS);
    const verifyMs = performance.now() - started;
    const difference = idSetDifference(published, served);
    const equal = difference.missing === 0 && difference.unexpected === 0;

    reportFigure({
      bench: 'projection-crash',
      name: `restart → lag 0 after kill -9 at ${String(ACTIVITIES - lagAtKill)} of ${String(ACTIVITIES)} activities`,
      value: caughtUpMs / 1_000,
      unit: 's',
      reference: { label: '2-minute target', value: TARGET_MS / 1_000 },
      better: 'lower',
      target: 'ratio <= 1',
      note: `session timeout ${values['session-timeout']}; view == topic id set: ${String(equal)}`,
    });
    reportFigure({
      bench: 'projection-crash',
      name: `view id set equals the topic's (${String(ACTIVITIES)} activities, via GET /v1/activities)`,
      value: equal ? 1 : 0,
      unit: 'bool',
      better: 'higher',
      target: '1',
      note: `paged in ${seconds(verifyMs)} s; missing ${String(difference.missing)}, unexpected ${String(difference.unexpected)}`,
    });
    out(
      `restart: ready in ${seconds(readyMs)} s, lag 0 in ${seconds(caughtUpMs)} s after the restart ` +
        `(${seconds(sinceKillMs)} s after the kill), ratio to the 2-minute target ${(caughtUpMs / TARGET_MS).toFixed(2)}`,
    );
    out(
      `view vs topic: ${String(served.size)} ids served, ${String(published.size)} published; ` +
        `missing ${String(difference.missing)}, unexpected ${String(difference.unexpected)} ` +
        `${difference.examples.join(', ')} (paged in ${seconds(verifyMs)} s)`,
    );
    if (!equal) process.exitCode = 1;
  } finally {
    await Promise.allSettled(running.map((instance) => instance.kill()));
    await admin.disconnect();
    await stack.stop();
  }
}

await main();

/**
 * Admin console figures: each page's server response time (p50/p95) against the 300 ms bound of issue 16,
 * with --size activities (default 100,000) in the projection's view, on a system this script starts
 * (Kafka + FerretDB, simulator, auth, projection and console as processes). Requests are sequential,
 * as one admin clicking; the console's time includes the auth and projection calls it makes.
 * Run: npx tsx tools/bench/admin-console.bench.ts [--size 100000] [--requests 20]
 */
import { parseArgs } from 'node:util';
import { consoleReporter, startStack } from '@zc/infra';
import { createKafkaClient, ensureTopics, silentLogger } from '@zc/kafka';
import { connectMongo } from '@zc/mongo';
import { waitFor } from '@zc/testing';
import { topicSpecs } from '../../apps/projection-service/src/adapters/topics';
import { activityEvent } from '../../apps/projection-service/src/testing/events';
import { publishEvents } from '../../apps/projection-service/src/testing/kafka-feed';
import { clientsOf } from '../system/scenario';
import { startSystem } from '../system/system';
import { reportFigure } from './figure';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '100000' }, requests: { type: 'string', default: '20' } },
});
const SIZE = Number(values.size);
const REQUESTS = Number(values.requests);
const BOUND_MS = 300;
const out = (line: string) => process.stdout.write(`${line}\n`);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

/** Signs in like a browser: the sign-in page's cookie and CSRF token, then the form post. */
async function signIn(consoleUrl: string, key: string): Promise<string> {
  const page = await fetch(`${consoleUrl}/sign-in`);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const answer = await fetch(`${consoleUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, apiKey: key, next: '/connectors' }).toString(),
  });
  if (answer.status !== 303) throw new Error(`sign-in answered ${String(answer.status)}`);
  return (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function main(): Promise<void> {
  const stack = await startStack({ report: consoleReporter });
  const infra = { kafkaBrokers: stack.kafkaBrokers, mongoUri: stack.mongoUri };
  const system = await startSystem({
    infra,
    fileUrl: new URL('admin-console.bench.e2e.spec.ts', import.meta.url).toString(),
    services: ['zendesk-sim', 'auth-service', 'projection-service', 'admin-console'],
  });
  const kafka = createKafkaClient({ brokers: stack.kafkaBrokers, clientId: 'console-bench', logger: silentLogger });
  const mongo = await connectMongo({ uri: stack.mongoUri, dbName: system.identity.databases.projection });
  try {
    const { admin } = clientsOf(system);
    const connector = await admin.register({
      name: 'Bench Zendesk',
      clientId: 'bench',
      clientSecret: 'bench-secret',
      endpoint: 'bench.zendesk.com',
    });
    const naming = { prefix: system.identity.topicPrefix };
    await ensureTopics(kafka, topicSpecs(naming, ['zendesk.activities'], 2));
    const base = Date.now() - SIZE * 5_000;
    const started = performance.now();
    for (let from = 0; from < SIZE; from += 10_000) {
      const events = Array.from({ length: Math.min(10_000, SIZE - from) }, (_, i) =>
        activityEvent({
          connectorId: connector.id,
          account: 'bench',
          auditLogId: from + i + 1,
          occurredAtMs: base + (from + i) * 5_000,
          actorId: (from + i) % 200,
        }),
      );
      await publishEvents(
        kafka,
        naming,
        events.map((event) => ({ topic: 'zendesk.activities' as const, event })),
      );
    }
    const count = async () => {
      const names = (await mongo.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
      const counts = await Promise.all(
        names.filter((n) => n.startsWith('activities')).map((n) => mongo.db.collection(n).countDocuments()),
      );
      return Math.max(0, ...counts);
    };
    await waitFor(async () => (await count()) >= SIZE, {
      timeoutMs: 1_800_000,
      intervalMs: 2_000,
      description: `${String(SIZE)} activities in the view`,
    });
    out(`seeded ${String(SIZE)} activities in ${((performance.now() - started) / 1_000).toFixed(0)} s`);

    const consoleUrl = system.urls['admin-console'];
    const cookie = await signIn(consoleUrl, system.adminKey);
    const mid = new Date(base + SIZE * 2_500).toISOString().slice(0, 16);
    const end = new Date(base + SIZE * 2_500 + 86_400_000).toISOString().slice(0, 16);
    const projectionUrl = system.urls['projection-service'];
    const utc = (local: string) => `${local}:00.000Z`;
    // Each activity page also as the projection's own answer to the query the console makes (limit 50), so a
    // miss can be told apart: the console's calls and rendering, or the projection's query.
    const pages: [string, string, string | null][] = [
      ['connected apps', '/connectors', null],
      ['connector page', `/connectors/${connector.id}`, null],
      ['activity log, newest', '/activities', '/v1/activities?limit=50'],
      [
        'activity log, connector + actor',
        `/activities?connector=${connector.id}&actorId=17`,
        `/v1/activities?connector=${connector.id}&actorId=17&limit=50`,
      ],
      [
        'activity log, connector + time range',
        `/activities?connector=${connector.id}&from=${mid}&to=${end}`,
        `/v1/activities?connector=${connector.id}&from=${utc(mid)}&to=${utc(end)}&limit=50`,
      ],
      ['activity detail', `/activities/zd:bench:${String(Math.floor(SIZE / 2))}`, null],
      ['users', '/users', null],
      ['operations', '/operations', null],
    ];
    const timed = async (url: string, headers: Record<string, string>) => {
      const t0 = performance.now();
      const answer = await fetch(url, { headers, redirect: 'manual' });
      await answer.arrayBuffer();
      return { ms: performance.now() - t0, status: answer.status };
    };
    for (const [name, path, apiPath] of pages) {
      const times: number[] = [];
      const apiTimes: number[] = [];
      const failures = new Map<number, number>();
      for (let i = 0; i < REQUESTS; i += 1) {
        const answer = await timed(`${consoleUrl}${path}`, { cookie });
        times.push(answer.ms);
        if (answer.status !== 200) failures.set(answer.status, (failures.get(answer.status) ?? 0) + 1);
        if (apiPath !== null) {
          apiTimes.push((await timed(`${projectionUrl}${apiPath}`, { authorization: `Bearer ${system.adminKey}` })).ms);
        }
      }
      // A failed page (a service timing out, say) counts with its time; the statuses are printed.
      const failed = [...failures].map(([status, n]) => `${String(n)}× ${String(status)}`).join(', ');
      const p95 = pct(times, 0.95);
      reportFigure({
        bench: 'admin-console',
        name: `${name} p95 at ${String(SIZE)} activities`,
        value: p95,
        unit: 'ms',
        reference: { label: 'issue 16 bound', value: BOUND_MS },
        better: 'lower',
        target: 'ratio <= 1',
        ...(failed ? { note: `non-200 answers: ${failed}` } : {}),
      });
      const projection =
        apiTimes.length === 0
          ? ''
          : `  projection alone p50 ${pct(apiTimes, 0.5).toFixed(0)} ms p95 ${pct(apiTimes, 0.95).toFixed(0)} ms`;
      out(
        `${name.padEnd(38)} p50 ${pct(times, 0.5).toFixed(0).padStart(5)} ms  p95 ${p95.toFixed(0).padStart(5)} ms  ratio to ${String(BOUND_MS)} ms ${(p95 / BOUND_MS).toFixed(2)}${failed ? `  (non-200: ${failed})` : ''}${projection}`,
      );
    }
  } finally {
    await mongo.close();
    await system.shutdown();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

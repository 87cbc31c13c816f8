/**
 * The activities view at the size users have, on the embedded store (FerretDB 1.24, SQLite), through the query API:
 *  1. seeding: --per-connector activities (100,000) for each of --connectors (5) over 7 days, written the way the
 *     projection writes them (time-ordered batches of 500 per connector), activities/s;
 *  2. each query shape (latest page; 1-day range; by actor; by action; by IP; next page) --runs times (30): p50/p95,
 *     target p95 <= 300 ms;
 *  3. --clients (20) concurrent clients on GET /v1/activities for --seconds (30), from another process: client
 *     timeouts (target 0), p99 (target <= 2 s), 503s answered with Retry-After; GET /v1/connectors p99 meanwhile
 *     (target <= 200 ms);
 *  4. NDJSON export of one connector's 100,000 activities (target <= 30 s) against paging the same set through the
 *     API at 500 per page.
 * Run: npx tsx tools/bench/activity-views.bench.ts [--per-connector 100000] [--connectors 5] [--runs 30] [--seconds 30]
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { consoleReporter, freePort, startStack } from '@zc/infra';
import { connectMongo } from '@zc/mongo';
import { pino } from 'pino';
import { writeActivities } from '../../apps/projection-service/src/adapters/activity-store';
import { createProjector } from '../../apps/projection-service/src/adapters/projector';
import {
  activityCollections,
  ensureViewIndexes,
  viewAliases,
} from '../../apps/projection-service/src/adapters/view-collections';
import { viewQueries } from '../../apps/projection-service/src/adapters/view-queries';
import { buildApp } from '../../apps/projection-service/src/app';
import { toActivityDoc } from '../../apps/projection-service/src/domain/activity-view';
import { VIEW_NAMES } from '../../apps/projection-service/src/domain/view-names';
import { connectorScenario } from '../../apps/projection-service/src/testing/events';
import { seededRandom } from '../../apps/projection-service/src/testing/seeded';
import { accountActivities, ACTIONS } from './activity-views-data';
import type { LoadResult, LoadSpec } from './activity-views-load';
import { reportFigure } from './figure';

const { values } = parseArgs({
  options: {
    'per-connector': { type: 'string', default: '100000' },
    connectors: { type: 'string', default: '5' },
    runs: { type: 'string', default: '30' },
    seconds: { type: 'string', default: '30' },
    clients: { type: 'string', default: '20' },
  },
});
const PER_CONNECTOR = Number(values['per-connector']);
const CONNECTORS = Number(values.connectors);
const RUNS = Number(values.runs);
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const DAY = 86_400_000;
const END = Date.UTC(2026, 11, 1);
const START = END - 7 * DAY;
const KEY = 'bench-key';
const out = (line: string) => process.stdout.write(`${line}\n`);
const pct = (xs: readonly number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

interface Shape {
  name: string;
  path: (run: number) => Promise<string> | string;
}

async function main(): Promise<void> {
  const stack = await startStack({ report: consoleReporter });
  const mongo = await connectMongo({ uri: stack.mongoUri, dbName: `bench_views_${String(Date.now())}` });
  try {
    for (const view of VIEW_NAMES) await ensureViewIndexes(mongo, view, 1);
    // Status documents, so GET /v1/connectors has something to list.
    const projector = createProjector({
      mongo,
      views: new Set(['status'] as const),
      versionOf: () => Promise.resolve(1),
      now: () => new Date(END),
      activityRetentionMs: 365 * DAY,
    });
    for (let c = 0; c < CONNECTORS; c += 1) {
      const scenario = connectorScenario(`bench-conn-${String(c)}`, `acct${String(c)}`, START - DAY, seededRandom(c));
      await projector.project('connector.events', scenario.connector);
      await projector.project('collection.events', scenario.collection);
    }

    // 1. Seed, as the projection writes a backfill: per connector, oldest first, 500 per batch.
    const collections = activityCollections(mongo, 1);
    const seedStarted = performance.now();
    for (let c = 0; c < CONNECTORS; c += 1) {
      const docs = accountActivities({ connector: c, count: PER_CONNECTOR, start: START, end: END }).map(toActivityDoc);
      for (let from = 0; from < docs.length; from += 500)
        await writeActivities(collections, docs.slice(from, from + 500));
      out(`seeded connector ${String(c + 1)}/${String(CONNECTORS)} (${String(docs.length)} activities)`);
    }
    const total = PER_CONNECTOR * CONNECTORS;
    const seedRate = total / ((performance.now() - seedStarted) / 1_000);
    reportFigure({
      bench: 'activity views',
      name: `write ${String(total)} activities into the paged view`,
      value: seedRate,
      unit: 'activities/s',
      better: 'higher',
    });
    out(`seeded ${String(total)} activities at ${seedRate.toFixed(0)}/s`);

    const app = await buildApp({
      queries: viewQueries(mongo, viewAliases(mongo)),
      verifyApiKey: (presented) =>
        Promise.resolve(presented === KEY ? { keyId: 'bench', scopes: ['activities:read', 'connectors:read'] } : null),
      now: () => new Date(END),
      logger: pino({ level: 'silent' }),
      // One IP stands for 20 clients here: the per-client limit (600/min) would answer most of them 429 and the
      // figure would measure that limit, not the activity routes' own time limit and concurrency cap.
      rateLimit: false,
    });
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${String(port)}`;
    const get = async (path: string) => {
      const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${KEY}` } });
      if (response.status !== 200) throw new Error(`${path}: ${String(response.status)} ${await response.text()}`);
      return (await response.json()) as {
        items: { actor: { id: number }; ipAddress: string | null }[];
        nextCursor: string | null;
      };
    };

    // 2. Query shapes, each RUNS times, spread over the connectors and the week.
    const conn = (run: number) => `bench-conn-${String(run % CONNECTORS)}`;
    const latest = await get(`/v1/activities?connector=${conn(0)}&limit=200`);
    const actors = [...new Set(latest.items.map((item) => item.actor.id).filter((id) => id > 0))];
    const ips = [...new Set(latest.items.flatMap((item) => (item.ipAddress ? [item.ipAddress] : [])))];
    const shapes: Shape[] = [
      { name: 'latest page', path: (run) => `/v1/activities?connector=${conn(run)}&limit=50` },
      {
        name: '1-day range',
        path: (run) => {
          const from = START + (run % 7) * DAY;
          return `/v1/activities?connector=${conn(run)}&from=${new Date(from).toISOString()}&to=${new Date(from + DAY).toISOString()}&limit=50`;
        },
      },
      {
        name: 'by actor',
        path: (run) =>
          `/v1/activities?connector=${conn(0)}&actorId=${String(actors[run % actors.length] ?? 1001)}&limit=50`,
      },
      {
        name: 'by action',
        path: (run) =>
          `/v1/activities?connector=${conn(run)}&action=${ACTIONS[run % ACTIONS.length] ?? 'update'}&limit=50`,
      },
      {
        name: 'by IP',
        path: (run) => `/v1/activities?connector=${conn(0)}&ip=${ips[run % ips.length] ?? '10.0.1.1'}&limit=50`,
      },
      {
        name: 'next page',
        path: async (run) => {
          // A cursor some pages deep, taken outside the timing.
          let page = await get(`/v1/activities?connector=${conn(run)}&limit=50`);
          for (let n = 0; n < run % 5 && page.nextCursor; n += 1) {
            page = await get(`/v1/activities?connector=${conn(run)}&limit=50&cursor=${page.nextCursor}`);
          }
          return `/v1/activities?connector=${conn(run)}&limit=50&cursor=${page.nextCursor ?? ''}`;
        },
      },
    ];
    for (const shape of shapes) {
      const times: number[] = [];
      let items = 0;
      let refused = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const path = await shape.path(run);
        const started = performance.now();
        const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${KEY}` } });
        const body = (await response.json()) as { items?: unknown[] };
        // A query past its time limit answers 503: it counts with its time, and as refused.
        times.push(performance.now() - started);
        if (response.status === 200) items += body.items?.length ?? 0;
        else refused += 1;
      }
      for (const [label, q] of [
        ['p50', 0.5],
        ['p95', 0.95],
      ] as const) {
        reportFigure({
          bench: 'activity views',
          name: `${shape.name} ${label}, ${String(CONNECTORS)} × ${String(PER_CONNECTOR)} activities`,
          value: pct(times, q),
          unit: 'ms',
          better: 'lower',
          ...(label === 'p95' ? { reference: { label: 'target', value: 300 }, target: 'ratio <= 1' } : {}),
        });
      }
      out(
        `${shape.name}: p50 ${pct(times, 0.5).toFixed(0)} ms, p95 ${pct(times, 0.95).toFixed(0)} ms over ${String(RUNS)} runs (${(items / RUNS).toFixed(0)} items/page, ${String(refused)} refused)`,
      );
    }

    // 3. Concurrency, from another process.
    const paths = Array.from({ length: 60 }, (_, run) => {
      const from = START + (run % 7) * DAY;
      return run % 3 === 0
        ? `/v1/activities?connector=${conn(run)}&limit=50`
        : run % 3 === 1
          ? `/v1/activities?connector=${conn(run)}&from=${new Date(from).toISOString()}&to=${new Date(from + DAY).toISOString()}&limit=100`
          : `/v1/activities?connector=${conn(0)}&actorId=${String(actors[run % actors.length] ?? 1001)}&limit=50`;
    });
    const spec: LoadSpec = {
      baseUrl,
      key: KEY,
      paths,
      clients: CLIENTS,
      durationMs: SECONDS * 1_000,
      clientTimeoutMs: 10_000,
    };
    const load = await new Promise<LoadResult>((resolve, reject) => {
      const child = fork(fileURLToPath(new URL('./activity-views-load.ts', import.meta.url)), [JSON.stringify(spec)], {
        execArgv: ['--import', 'tsx'],
      });
      child.once('message', (message) => resolve(message as LoadResult));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`load generator exited (${String(code)}) without a result`)));
    });
    const figures = [
      {
        name: `${String(CLIENTS)} clients × ${String(SECONDS)} s: client timeouts`,
        value: load.timeouts,
        unit: 'requests',
        target: '0',
      },
      {
        name: `${String(CLIENTS)} clients: p99 of every answer`,
        value: pct(load.allLatencies, 0.99),
        unit: 'ms',
        target: '<= 2000 ms',
      },
      { name: `${String(CLIENTS)} clients: answered 200`, value: load.ok / load.seconds, unit: 'req/s', target: '' },
      {
        name: `${String(CLIENTS)} clients: answered 503`,
        value: load.overloaded,
        unit: 'requests',
        target: 'each with Retry-After',
      },
      {
        name: 'GET /v1/connectors p99 meanwhile',
        value: pct(load.connectorLatencies, 0.99),
        unit: 'ms',
        target: '<= 200 ms',
      },
    ];
    for (const { target, ...figure } of figures) {
      reportFigure({ bench: 'activity views', better: 'lower', ...figure, ...(target ? { target } : {}) });
    }
    out(
      `${String(CLIENTS)} clients for ${String(SECONDS)} s: ${String(load.ok)} ok (${(load.ok / load.seconds).toFixed(1)}/s, p50 ${pct(load.okLatencies, 0.5).toFixed(0)} ms, p99 ${pct(load.okLatencies, 0.99).toFixed(0)} ms), ` +
        `${String(load.overloaded)} × 503 (${String(load.overloadedWithRetryAfter)} with Retry-After), ${String(load.timeouts)} client timeouts, ${String(load.otherErrors)} other errors; ` +
        `p99 of all answers ${pct(load.allLatencies, 0.99).toFixed(0)} ms; GET /v1/connectors p99 ${pct(load.connectorLatencies, 0.99).toFixed(0)} ms over ${String(load.connectorLatencies.length)} requests`,
    );

    // 4. Export vs paging the same set.
    const exportStarted = performance.now();
    const response = await fetch(`${baseUrl}/v1/activities/export?connector=${conn(0)}`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    const text = await response.text();
    const exported = text.length === 0 ? 0 : text.trimEnd().split('\n').length;
    const exportSeconds = (performance.now() - exportStarted) / 1_000;
    const pagingStarted = performance.now();
    let paged = 0;
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof get>> = await get(
        `/v1/activities?connector=${conn(0)}&limit=500${cursor === null ? '' : `&cursor=${cursor}`}`,
      );
      paged += page.items.length;
      cursor = page.nextCursor;
    } while (cursor !== null);
    const pagingSeconds = (performance.now() - pagingStarted) / 1_000;
    reportFigure({
      bench: 'activity views',
      name: `NDJSON export of ${String(exported)} activities`,
      value: exportSeconds,
      unit: 's',
      reference: { label: `paging the API at 500/page (${String(paged)} items)`, value: pagingSeconds },
      better: 'lower',
      target: '<= 30 s',
      note: 'before this change: 7.5 min to page 31,500 activities',
    });
    out(
      `export of ${String(exported)} activities: ${exportSeconds.toFixed(1)} s (${(exported / exportSeconds).toFixed(0)}/s); paging the same ${String(paged)} at 500/page: ${pagingSeconds.toFixed(1)} s`,
    );
    await app.close();
  } finally {
    await mongo.db.dropDatabase().catch(() => undefined);
    await mongo.close();
    await stack.stop();
  }
}

await main();

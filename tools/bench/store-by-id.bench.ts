/**
 * Reads and writes by `_id` on the embedded FerretDB at 1,000 and at 100,000 documents: findOne, and
 * upserts (replaceOne, 8 concurrent clients), p50/p95 and the ratio 100k ÷ 1k (goal ≤ 2: constant time).
 * One run measures stock FerretDB first (`-id-index=false`, few samples: it scans), then restarts the
 * same files with the wrapper's `_id` lookup index (built at start for the existing collections).
 * Run: npx tsx tools/bench/store-by-id.bench.ts [--large 100000] [--small 1000] [--no-stock]
 */
import { reportFigure } from './figure';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkIdIndexes, consoleReporter, freePort, provisionFerretDb, startFerretDb } from '@zc/infra';
import { connectMongo, type MongoHandle } from '@zc/mongo';

const { values: args } = parseArgs({
  options: {
    large: { type: 'string', default: '100000' },
    small: { type: 'string', default: '1000' },
    'no-stock': { type: 'boolean', default: false },
  },
});
const LARGE = Number(args.large);
const SMALL = Number(args.small);
const CLIENTS = 8;
const DB_NAME = 'bench_store_by_id';

interface BenchDoc {
  _id: string;
  connectorId: string;
  occurredAt: string;
  actor: { id: number; name: string; type: string };
  action: string;
  ip: string;
  detail: string;
  rev: number;
}

const idOf = (n: number) => `activity-${String(n).padStart(9, '0')}`;
const docOf = (n: number, rev = 0): BenchDoc => ({
  _id: idOf(n),
  connectorId: `c-${String(n % 5)}`,
  occurredAt: new Date(Date.UTC(2026, 10, 1) + n * 6_000).toISOString(),
  actor: { id: 1_000 + (n % 97), name: `Agent ${String(n % 97)}`, type: n % 3 === 0 ? 'system' : 'user' },
  action: ['create', 'update', 'destroy', 'login'][n % 4] ?? 'update',
  ip: `10.0.${String(n % 256)}.${String((n * 7) % 256)}`,
  detail: 'x'.repeat(200),
  rev,
});

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface Latencies {
  p50: number;
  p95: number;
  count: number;
  errors: number;
  opsPerSecond: number;
}

function summarise(latencies: number[], errors: number, elapsedMs: number): Latencies {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    count: sorted.length,
    errors,
    opsPerSecond: (sorted.length / elapsedMs) * 1_000,
  };
}

const random = (size: number) => Math.floor(Math.random() * size);

async function load(mongo: MongoHandle, collection: string, size: number): Promise<void> {
  const docs = mongo.collection<BenchDoc>(collection);
  for (let from = 0; from < size; from += 1_000) {
    await docs.insertMany(
      Array.from({ length: Math.min(1_000, size - from) }, (_, i) => docOf(from + i)),
      { ordered: false },
    );
  }
}

interface Target {
  collection: string;
  size: number;
}

/**
 * findOne by a random existing `_id`, alternating between the targets so that load from other work on
 * the shared machine falls on every size alike (the ratio compares sizes, not moments).
 */
async function findOnes(mongo: MongoHandle, targets: readonly Target[], samples: number): Promise<Latencies[]> {
  const latencies = targets.map((): number[] => []);
  const errors = targets.map(() => 0);
  const started = performance.now();
  for (let i = 0; i < samples; i += 1) {
    for (const [t, target] of targets.entries()) {
      const before = performance.now();
      const found = await mongo.collection<BenchDoc>(target.collection).findOne({ _id: idOf(random(target.size)) });
      latencies[t]?.push(performance.now() - before);
      if (!found) errors[t] = (errors[t] ?? 0) + 1;
    }
  }
  const elapsed = (performance.now() - started) / targets.length;
  return targets.map((_, t) => summarise(latencies[t] ?? [], errors[t] ?? 0, elapsed));
}

/**
 * Replaces by `_id` with upsert (nine in ten hit existing documents, one in ten inserts a new one),
 * each client alternating between the targets like findOnes.
 */
async function upserts(
  clients: MongoHandle[],
  targets: readonly Target[],
  perClient: number,
  budgetMs: number,
): Promise<Latencies[]> {
  const latencies = targets.map((): number[] => []);
  const errors = targets.map(() => 0);
  const fresh = targets.map((target) => target.size);
  const started = performance.now();
  const deadline = started + budgetMs;
  await Promise.all(
    clients.map(async (client) => {
      for (let i = 0; i < perClient && performance.now() < deadline; i += 1) {
        for (const [t, target] of targets.entries()) {
          const n = Math.random() < 0.9 ? random(target.size) : (fresh[t] = (fresh[t] ?? 0) + 1);
          const { _id, ...rest } = docOf(n, i + 1);
          const before = performance.now();
          try {
            await client.collection<BenchDoc>(target.collection).replaceOne({ _id }, rest, { upsert: true });
            latencies[t]?.push(performance.now() - before);
          } catch {
            errors[t] = (errors[t] ?? 0) + 1;
          }
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / targets.length;
  return targets.map((_, t) => summarise(latencies[t] ?? [], errors[t] ?? 0, elapsed));
}

function print(label: string, figures: Latencies): void {
  process.stdout.write(
    `${label.padEnd(34)} n=${String(figures.count).padStart(4)}  p50 ${figures.p50.toFixed(2).padStart(8)} ms  ` +
      `p95 ${figures.p95.toFixed(2).padStart(8)} ms  ${figures.opsPerSecond.toFixed(1).padStart(7)} ops/s  ` +
      `errors ${String(figures.errors)}\n`,
  );
}

const ms = (value: number) => Number(value.toFixed(2));
const must = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('missing measurement');
  return value;
};

async function withClients<T>(uri: string, count: number, use: (clients: MongoHandle[]) => Promise<T>): Promise<T> {
  const clients = await Promise.all(
    Array.from({ length: count }, (_, i) => connectMongo({ uri, dbName: DB_NAME, appName: `bench-${String(i)}` })),
  );
  try {
    return await use(clients);
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}

async function main(): Promise<void> {
  const binary = await provisionFerretDb(consoleReporter);
  const root = await mkdtemp(join(tmpdir(), 'zc-bench-by-id-'));
  const dataDir = join(root, 'ferretdb');
  const port = await freePort();
  const collections = { small: `docs_${String(SMALL)}`, large: `docs_${String(LARGE)}` };
  const small: Target = { collection: collections.small, size: SMALL };
  const large: Target = { collection: collections.large, size: LARGE };
  try {
    // Stock FerretDB: load both sizes, then a few samples of each operation (a scan each at 100k).
    const stock = await startFerretDb({ binary, dataDir, port, persistent: true, idIndex: false });
    const loadStarted = performance.now();
    await withClients(stock.uri, 1, async ([mongo]) => {
      if (!mongo) throw new Error('no client');
      await load(mongo, collections.small, SMALL);
      await load(mongo, collections.large, LARGE);
    });
    const loadSeconds = (performance.now() - loadStarted) / 1_000;
    process.stdout.write(
      `loaded ${String(SMALL)} + ${String(LARGE)} documents in ${loadSeconds.toFixed(1)} s (stock FerretDB)\n`,
    );
    if (!args['no-stock']) {
      await withClients(stock.uri, CLIENTS, async (clients) => {
        const [first] = clients;
        if (!first) throw new Error('no client');
        const [stockFindSmall, stockFind] = await findOnes(first, [small, large], 10);
        print(`stock findOne @${String(SMALL)}`, must(stockFindSmall));
        print(`stock findOne @${String(LARGE)}`, must(stockFind));
        const [stockUpsert] = await upserts(clients, [large], 3, 20_000);
        print(`stock upsert @${String(LARGE)} (${String(CLIENTS)} clients)`, must(stockUpsert));
        reportFigure({
          bench: 'store by _id',
          name: `stock FerretDB findOne p50 @${String(LARGE)}`,
          value: ms(must(stockFind).p50),
          unit: 'ms',
          better: 'lower',
          note: 'no _id lookup index (before the fix), 10 samples',
        });
        reportFigure({
          bench: 'store by _id',
          name: `stock FerretDB upserts @${String(LARGE)}, ${String(CLIENTS)} clients`,
          value: Number(must(stockUpsert).opsPerSecond.toFixed(2)),
          unit: 'ops/s',
          better: 'higher',
          note: `${String(must(stockUpsert).errors)} errors, p50 ${must(stockUpsert).p50.toFixed(0)} ms`,
        });
      });
    }
    await stock.stop();

    // The wrapper as the stack runs it: the start pass indexes the existing collections.
    const restartStarted = performance.now();
    const indexed = await startFerretDb({ binary, dataDir, port, persistent: true });
    const restartSeconds = (performance.now() - restartStarted) / 1_000;
    const statuses = await checkIdIndexes(indexed, DB_NAME);
    const unindexed = statuses.filter((status) => !status.idIndexUsed).map((status) => status.collection);
    if (unindexed.length > 0) throw new Error(`no _id lookup index on ${unindexed.join(', ')}`);
    process.stdout.write(
      `restarted with the _id lookup index in ${restartSeconds.toFixed(1)} s (includes building it)\n`,
    );
    try {
      await withClients(indexed.uri, CLIENTS, async (clients) => {
        const [first] = clients;
        if (!first) throw new Error('no client');
        const [findSmall, findLarge] = await findOnes(first, [small, large], 1_000);
        const [upsertSmall, upsertLarge] = await upserts(clients, [small, large], 150, 120_000);
        const results = { findSmall: must(findSmall), findLarge: must(findLarge) };
        const writes = { upsertSmall: must(upsertSmall), upsertLarge: must(upsertLarge) };
        print(`findOne @${String(SMALL)}`, results.findSmall);
        print(`findOne @${String(LARGE)}`, results.findLarge);
        print(`upsert @${String(SMALL)} (${String(CLIENTS)} clients)`, writes.upsertSmall);
        print(`upsert @${String(LARGE)} (${String(CLIENTS)} clients)`, writes.upsertLarge);
        for (const [operation, small, large] of [
          ['findOne', results.findSmall, results.findLarge],
          [`upsert (${String(CLIENTS)} clients)`, writes.upsertSmall, writes.upsertLarge],
        ] as const) {
          for (const quantile of ['p50', 'p95'] as const) {
            reportFigure({
              bench: 'store by _id',
              name: `${operation} ${quantile} @${String(LARGE)}`,
              value: ms(large[quantile]),
              unit: 'ms',
              reference: { label: `same @${String(SMALL)}`, value: ms(small[quantile]) },
              better: 'lower',
              target: 'ratio ≤ 2',
              note: `${large.opsPerSecond.toFixed(0)} ops/s @${String(LARGE)}, ${String(large.errors)} errors`,
            });
          }
        }
        if (writes.upsertSmall.errors + writes.upsertLarge.errors + results.findLarge.errors > 0) {
          process.exitCode = 1;
        }
      });
    } finally {
      await indexed.stop();
    }
    reportFigure({
      bench: 'store by _id',
      name: `start with existing data, building the _id index @${String(LARGE)}`,
      value: Number(restartSeconds.toFixed(2)),
      unit: 's',
      better: 'lower',
      note: `load ${(LARGE / loadSeconds).toFixed(0)} docs/s`,
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();

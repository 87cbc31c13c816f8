/**
 * Wrong-secret flood (issue 15 item 1): 20 keep-alive connections send a real key id (the very key
 * the legitimate client uses; key ids are public, they are the actor of connector events) with a
 * wrong secret, as fast as answers come back, against the auth service in-process on a Kafka broker
 * and FerretDB this script starts. Meanwhile one legitimate client, from another address
 * (127.0.0.2), reads a connector one request at a time. Prints its p50/p99 idle and under attack
 * and the ratio (target ≤ 2×), plus what the attackers got.
 * The attackers run in a worker thread, so generating the flood does not share the server's event loop.
 * Run: npx tsx tools/bench/api-key-flood.bench.ts [seconds=10] [attackers=20]
 */
import http from 'node:http';
import { Worker } from 'node:worker_threads';
import { consoleReporter, startStack } from '@zc/infra';
import { startAuthUnderBench } from './auth-under-bench';
import { reportFigure } from './figure';

const SECONDS = Number(process.argv[2] ?? 10);
const ATTACKERS = Number(process.argv[3] ?? 20);
const KEY_ID = 'f100d0123456789a';
const KEY = `zck_${KEY_ID}_${'L'.repeat(43)}`;
const WRONG = `zck_${KEY_ID}_${'w'.repeat(43)}`;

const legitAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        agent: legitAgent,
        localAddress: '127.0.0.2',
        headers: { authorization: `Bearer ${KEY}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function measureLegit(port: number, path: string): Promise<{ p50: number; p99: number; n: number; bad: number }> {
  const latencies: number[] = [];
  let bad = 0;
  const deadline = performance.now() + SECONDS * 1_000;
  while (performance.now() < deadline) {
    const started = performance.now();
    if ((await get(port, path)) !== 200) bad += 1;
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), n: latencies.length, bad };
}

// Plain JavaScript, evaluated in a worker: closed-loop attackers counting answers by status.
const ATTACKER_SOURCE = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { port, key, connections, seconds } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const statuses = {};
const deadline = Date.now() + seconds * 1000;
const once = () => new Promise((resolve) => {
  const req = http.request({ host: '127.0.0.1', port, path: '/v1/connectors', agent,
    headers: { authorization: 'Bearer ' + key } }, (res) => {
    res.resume();
    res.on('end', () => { statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1; resolve(); });
  });
  req.on('error', () => { statuses.error = (statuses.error || 0) + 1; resolve(); });
  req.end();
});
const loop = async () => { while (Date.now() < deadline) await once(); };
Promise.all(Array.from({ length: connections }, loop)).then(() => { agent.destroy(); parentPort.postMessage(statuses); });
`;

function flood(port: number): Promise<Record<string, number>> {
  const worker = new Worker(ATTACKER_SOURCE, {
    eval: true,
    workerData: { port, key: WRONG, connections: ATTACKERS, seconds: SECONDS + 1 },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (statuses: Record<string, number>) => resolve(statuses));
    worker.once('error', reject);
  });
}

async function main(): Promise<void> {
  const stack = await startStack({ report: consoleReporter });
  try {
    const { runtime, port } = await startAuthUnderBench({
      kafkaBrokers: stack.kafkaBrokers,
      mongoUri: stack.mongoUri,
      db: 'bench_flood_auth',
      keysDb: 'bench_flood_keys',
      adminKey: KEY,
    });
    const created = await runtime.app.inject({
      method: 'POST',
      url: '/v1/connectors',
      headers: { authorization: `Bearer ${KEY}` },
      payload: { name: 'Flood', clientId: 'flood', clientSecret: 'flood-client-secret', endpoint: 'flood.zendesk.com' },
    });
    const path = `/v1/connectors/${created.json<{ id: string }>().id}`;
    process.stdout.write(
      `auth-service on 127.0.0.1:${String(port)}; legit client 127.0.0.2, ${String(ATTACKERS)} attackers, ${String(SECONDS)} s each phase\n`,
    );

    await measureLegit(port, path); // warm-up: JIT, connections, FerretDB caches
    const idle = await measureLegit(port, path);
    const [attacked, statuses] = await Promise.all([measureLegit(port, path), flood(port)]);
    await runtime.close();
    legitAgent.destroy();

    const attackTotal = Object.values(statuses).reduce((sum, n) => sum + n, 0);
    const line = (label: string, m: typeof idle) =>
      `${label.padEnd(13)} ${String(m.n)} requests, p50 ${m.p50.toFixed(2)} ms, p99 ${m.p99.toFixed(2)} ms, non-200 ${String(m.bad)}\n`;
    process.stdout.write(line('legit idle', idle));
    process.stdout.write(line('legit attack', attacked));
    process.stdout.write(
      `attackers     ${String(attackTotal)} requests (${(attackTotal / (SECONDS + 1)).toFixed(0)} req/s): ${JSON.stringify(statuses)}\n`,
    );
    process.stdout.write(
      `ratio attack/idle: p50 ${(attacked.p50 / idle.p50).toFixed(2)}x, p99 ${(attacked.p99 / idle.p99).toFixed(2)}x (target <= 2x)\n`,
    );
    for (const [name, value, reference] of [
      ['p50', attacked.p50, idle.p50],
      ['p99', attacked.p99, idle.p99],
    ] as const) {
      reportFigure({
        bench: 'api key flood',
        name: `legit ${name} under a ${String(ATTACKERS)}-connection wrong-secret flood`,
        value: Number(value.toFixed(2)),
        unit: 'ms',
        reference: { label: `legit ${name} idle`, value: Number(reference.toFixed(2)) },
        better: 'lower',
        target: '≤ 2×',
        note: `${(attackTotal / (SECONDS + 1)).toFixed(0)} attack req/s: ${JSON.stringify(statuses)}`,
      });
    }
    if (attacked.bad + idle.bad > 0) process.exitCode = 1;
  } finally {
    await stack.stop();
  }
}

await main();

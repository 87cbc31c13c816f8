/**
 * Admin API latency: register (POST /v1/connectors) and read (GET /v1/connectors/:id) under 50
 * concurrent clients for ~10 s each, against the auth service in-process (listening on a free port)
 * on a Kafka broker and FerretDB this script starts. Prints p50/p99 and requests/s.
 * Run: npx tsx tools/bench/admin-api.bench.ts [seconds] [clients]
 */
import { startAuthUnderBench } from './auth-under-bench';
import { reportFigure } from './figure';
import http from 'node:http';
import { consoleReporter, startStack } from '@zc/infra';

const SECONDS = Number(process.argv[2] ?? 10);
const CLIENTS = Number(process.argv[3] ?? 50);
const KEY = `zck_bec0c0123456789a_${'b'.repeat(43)}`;

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

function request(
  port: number,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          authorization: `Bearer ${KEY}`,
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function load(label: string, expected: number, call: (n: number) => Promise<{ status: number }>) {
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const deadline = performance.now() + SECONDS * 1_000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const { status } = await call((n += 1));
        latencies.push(performance.now() - started);
        if (status !== expected) errors += 1;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  const rate = latencies.length / SECONDS;
  process.stdout.write(
    `${label.padEnd(9)} ${String(latencies.length)} requests, ${rate.toFixed(0)} req/s, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, errors ${String(errors)}\n`,
  );
  for (const [name, value] of [
    ['p50', p50],
    ['p99', p99],
  ] as const) {
    reportFigure({
      bench: 'admin api',
      name: `${label} ${name} (${String(CLIENTS)} clients)`,
      value: Number(value.toFixed(2)),
      unit: 'ms',
      better: 'lower',
      note: `${rate.toFixed(0)} req/s, ${String(errors)} errors`,
    });
  }
  return { errors };
}

async function main(): Promise<void> {
  const stack = await startStack({ report: consoleReporter });
  try {
    const { runtime, port } = await startAuthUnderBench({
      kafkaBrokers: stack.kafkaBrokers,
      mongoUri: stack.mongoUri,
      db: 'bench_auth',
      adminKey: KEY,
    });
    const register = (n: number) =>
      request(port, 'POST', '/v1/connectors', {
        name: `Bench ${String(n)}`,
        clientId: 'bench',
        clientSecret: 'bench-client-secret-value',
        // One account each: the same account and client twice is refused (409 CONNECTOR_ALREADY_EXISTS).
        endpoint: `bench${String(n)}.zendesk.com`,
      });
    const first = await register(0);
    const id = (JSON.parse(first.text) as { id: string }).id;
    process.stdout.write(
      `auth-service on 127.0.0.1:${String(port)}, ${String(CLIENTS)} clients, ${String(SECONDS)} s each\n`,
    );
    // Reads first, on a quiet store; then registrations, which also keep the outbox relay busy.
    const read = await load('read', 200, () => request(port, 'GET', `/v1/connectors/${id}`));
    const registered = await load('register', 201, register);
    await runtime.close();
    agent.destroy();
    if (registered.errors + read.errors > 0) process.exitCode = 1;
  } finally {
    await stack.stop();
  }
}

await main();

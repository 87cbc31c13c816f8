/**
 * Audit-log page throughput of the simulator: 100k entries, pages of 100, concurrent keep-alive
 * clients (one request in flight each) for ~10 s. The clients run in a child process
 * (zendesk-sim-load.ts) so they do not take the server's event loop, on lean sockets
 * (keep-alive-client.ts) so they take little of a 2-core machine. Prints requests/s against the
 * 2,000 req/s target, and the CPU each side spent per request.
 * Run: npx tsx tools/bench/zendesk-sim.bench.ts   (BENCH_MS shortens the measured run)
 */
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildSimulator } from '../../apps/zendesk-sim/src/app';
import { reportFigure } from './figure';
import type { LoadResult, LoadSpec } from './zendesk-sim-load';

const TARGET_RPS = 2000;
const DURATION_MS = Number(process.env['BENCH_MS'] ?? 10_000);
const CONCURRENCY = 32;
const SUB = 'bench';

const { app, control } = buildSimulator();
control.createAccount({ subdomain: SUB, plan: 'enterprise_plus', rateLimitPerMinute: 100_000_000 });
const admin = control.addUser(SUB, { name: 'Bench Admin', email: 'admin@bench.test', role: 'admin' });
control.createOAuthClient(SUB, { identifier: 'bench', redirectUris: ['https://bench.test/cb'] });
const seeded = control.seed(SUB, { seed: 1, users: 500, auditPerDay: 14_286, days: 7 });
const token = control.issueToken(SUB, { userId: admin.id, scopes: ['auditlogs:read'] }).access_token;
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as AddressInfo;

const spec: LoadSpec = {
  port,
  subdomain: SUB,
  token,
  end: control.now(),
  concurrency: CONCURRENCY,
  warmupMs: 2000,
  durationMs: DURATION_MS,
};
const client = fork(fileURLToPath(new URL('./zendesk-sim-load.ts', import.meta.url)), [JSON.stringify(spec)], {
  execArgv: ['--import', 'tsx'],
});
// Server CPU time per request is steadier than req/s on a shared machine, so it is printed too.
let cpuAtStart = process.cpuUsage();
const { ok, failed, seconds, cpuMicros } = await new Promise<LoadResult>((resolve, reject) => {
  client.on('message', (message) => {
    if (message === 'measuring') cpuAtStart = process.cpuUsage();
    else resolve(message as LoadResult);
  });
  client.once('error', reject);
  client.once('exit', (code) => reject(new Error(`load generator exited with ${String(code)} before reporting`)));
});
const cpu = process.cpuUsage(cpuAtStart);
const rps = ok / seconds;
const requests = Math.max(1, ok + failed);
const cpuLine = (who: string, micros: number) =>
  `  ${who} CPU ${(micros / requests).toFixed(0)} µs/request (${(micros / 1e6 / seconds).toFixed(2)} cores busy)\n`;
process.stdout.write(
  `zendesk-sim audit-log pages: ${seeded.auditEntries} entries, ${CONCURRENCY} keep-alive clients (own process), ${seconds.toFixed(1)} s\n` +
    `  ${rps.toFixed(0)} req/s (target ${TARGET_RPS}); ratio ${(rps / TARGET_RPS).toFixed(2)}; non-200: ${failed}\n` +
    cpuLine('server', cpu.user + cpu.system) +
    cpuLine('client', cpuMicros),
);
reportFigure({
  bench: 'zendesk-sim',
  name: 'audit-log pages of 100',
  value: rps,
  unit: 'req/s',
  reference: { label: 'target', value: TARGET_RPS },
  better: 'higher',
  target: 'ratio >= 1',
  note: 'load generator in its own process',
});
await app.close();

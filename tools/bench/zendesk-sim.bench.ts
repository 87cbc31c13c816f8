/**
 * Audit-log page throughput of the simulator: 100k entries, pages of 100, concurrent keep-alive
 * clients for ~10 s. Prints requests/s against the 2,000 req/s target.
 * Run: npx tsx tools/bench/zendesk-sim.bench.ts
 */
import { reportFigure } from './figure';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSimulator } from '../../apps/zendesk-sim/src/app';

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
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

const end = control.now();
const windowFor = (i: number) => {
  // Spread the windows over the week so the benchmark exercises the binary search, not one hot spot.
  const from = new Date(end - ((i * 7919) % (7 * 86_400)) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `/api/v2/audit_logs.json?sort=created_at&page%5Bsize%5D=100&filter%5Bcreated_at%5D%5B%5D=${from}`;
};

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path,
        agent,
        headers: { host: `${SUB}.zendesk.com`, authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
  });
}

let ok = 0;
let failed = 0;
async function drive(durationMs: number): Promise<number> {
  const deadline = Date.now() + durationMs;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let i = worker; Date.now() < deadline; i += CONCURRENCY) {
        if ((await get(windowFor(i))) === 200) ok += 1;
        else failed += 1;
      }
    }),
  );
  return (Date.now() - started) / 1000;
}
// Warm-up (JIT, sockets, per-entry JSON cache) is not counted.
await drive(2000);
[ok, failed] = [0, 0];
const seconds = await drive(DURATION_MS);
const rps = ok / seconds;
process.stdout.write(
  `zendesk-sim audit-log pages: ${seeded.auditEntries} entries, ${CONCURRENCY} keep-alive clients, ${seconds.toFixed(1)} s\n` +
    `  ${rps.toFixed(0)} req/s (target ${TARGET_RPS}); ratio ${(rps / TARGET_RPS).toFixed(2)}; non-200: ${failed}\n`,
);
reportFigure({
  bench: 'zendesk-sim',
  name: 'audit-log pages of 100',
  value: rps,
  unit: 'req/s',
  reference: { label: 'target', value: TARGET_RPS },
  better: 'higher',
  target: 'ratio >= 1',
});
agent.destroy();
await app.close();

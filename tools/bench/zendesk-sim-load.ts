/**
 * The load generator of zendesk-sim.bench.ts, forked into its own process so the simulator under
 * test keeps a core to itself instead of sharing one event loop with its clients.
 * Takes a LoadSpec as JSON in argv[2]; over IPC sends `'measuring'` when the counted run starts,
 * then one LoadResult.
 */
import { KeepAliveConnection } from './keep-alive-client';

export interface LoadSpec {
  readonly port: number;
  readonly subdomain: string;
  readonly token: string;
  /** Simulator time (epoch ms) the seeded week ends at. */
  readonly end: number;
  readonly concurrency: number;
  readonly warmupMs: number;
  readonly durationMs: number;
}

export interface LoadResult {
  readonly ok: number;
  readonly failed: number;
  readonly seconds: number;
  /** CPU time this process spent on the counted run, to tell which side limits the figure. */
  readonly cpuMicros: number;
}

const spec = JSON.parse(process.argv[2] ?? '') as LoadSpec;
const headers = { host: `${spec.subdomain}.zendesk.com`, authorization: `Bearer ${spec.token}` };
const connections = await Promise.all(
  Array.from({ length: spec.concurrency }, () => KeepAliveConnection.open(spec.port, headers)),
);

const windowFor = (i: number) => {
  // Spread the windows over the week so the benchmark exercises the binary search, not one hot spot.
  const from = new Date(spec.end - ((i * 7919) % (7 * 86_400)) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `/api/v2/audit_logs.json?sort=created_at&page%5Bsize%5D=100&filter%5Bcreated_at%5D%5B%5D=${from}`;
};

async function drive(durationMs: number): Promise<LoadResult> {
  let ok = 0;
  let failed = 0;
  const cpu = process.cpuUsage();
  const started = Date.now();
  const deadline = started + durationMs;
  await Promise.all(
    connections.map(async (connection, worker) => {
      for (let i = worker; Date.now() < deadline; i += spec.concurrency) {
        if ((await connection.get(windowFor(i))) === 200) ok += 1;
        else failed += 1;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { ok, failed, seconds: (Date.now() - started) / 1000, cpuMicros: used.user + used.system };
}

// Warm-up (JIT on both sides, sockets, the per-entry JSON cache) is not counted.
await drive(spec.warmupMs);
process.send?.('measuring');
const result = await drive(spec.durationMs);
for (const connection of connections) connection.close();
process.send?.(result);
process.disconnect?.();

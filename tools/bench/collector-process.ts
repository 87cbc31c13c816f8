import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, ManagedProcess } from '@zc/infra';
import { bundleApp } from '../ops/bundle';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `bundle`: what the production image runs (dist/collector-service/main.mjs); `tsx`: the sources. */
export type CollectorRuntime = 'bundle' | 'tsx';

export interface CollectorProcess {
  readonly pid: number;
  readonly url: string;
  getText(path: string): Promise<string>;
  /** SIGTERM: the collector releases its leases and exits. */
  stop(): Promise<void>;
}

const runtimeArgs = async (runtime: CollectorRuntime): Promise<string[]> =>
  runtime === 'bundle'
    ? ['--enable-source-maps', (await bundleApp('collector-service', root)).outfile]
    : ['--import', 'tsx', join(root, 'apps', 'collector-service', 'src', 'main.ts')];

/**
 * One collector as its own process (main.ts, configured by env only), so its memory is measured
 * apart from the simulator and the recorders of the process that drives it. It dies with us.
 */
export async function startCollectorProcess(
  env: Readonly<Record<string, string>>,
  runtime: CollectorRuntime,
): Promise<CollectorProcess> {
  const port = await freePort();
  const child = new ManagedProcess({
    name: 'collector-service',
    command: process.execPath,
    args: await runtimeArgs(runtime),
    cwd: root,
    // Only what main.ts reads: no NODE_OPTIONS or loader flags inherited from the bench's own tsx.
    env: { PATH: process.env['PATH'], NODE_ENV: 'production', ...env, HOST: '127.0.0.1', PORT: String(port) },
    parentDeathSignal: 'KILL',
    onLine: (line) => process.stderr.write(`[collector] ${line}\n`),
  });
  const url = `http://127.0.0.1:${String(port)}`;
  const deadline = Date.now() + 60_000;
  // It logs `listening` at info only; readiness (Kafka, Mongo, consumer joined) is the signal at any level.
  while (
    !(await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (!child.running) throw child.failure('exited before it was ready');
    if (Date.now() > deadline) {
      await child.kill();
      throw child.failure('was not ready within 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const pid = child.pid;
  if (pid === undefined) throw child.failure('has no pid');
  return {
    pid,
    url,
    getText: async (path) => {
      const response = await fetch(`${url}${path}`);
      if (!response.ok) throw new Error(`GET ${path} answered ${String(response.status)}`);
      return response.text();
    },
    stop: () => child.stop(),
  };
}

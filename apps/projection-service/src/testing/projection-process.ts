import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, ManagedProcess } from '@zc/infra';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

export interface ProjectionProcess {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  /** kill -9: no graceful leave, no final commit; the group notices only after the session timeout. */
  kill(): Promise<void>;
  /** SIGTERM: commits, leaves the group, exits. */
  stop(): Promise<void>;
}

/**
 * One projection service as its own process (main.ts, configured by env only, as deployed), ready once
 * /readyz says Mongo answers and its consumer joined the group. It dies with the process that started it.
 */
export async function startProjectionProcess(
  name: string,
  env: Readonly<Record<string, string>>,
  options: { onLine?: (line: string) => void; readyTimeoutMs?: number } = {},
): Promise<ProjectionProcess> {
  const port = await freePort();
  const child = new ManagedProcess({
    name,
    command: process.execPath,
    args: ['--import', 'tsx', join(root, 'apps', 'projection-service', 'src', 'main.ts')],
    cwd: root,
    // Only what main.ts reads: no loader flags or test settings inherited from the runner.
    env: { PATH: process.env['PATH'], LOG_LEVEL: 'warn', ...env, HOST: '127.0.0.1', PORT: String(port) },
    parentDeathSignal: 'KILL',
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
  const url = `http://127.0.0.1:${String(port)}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  const ready = () =>
    fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
  while (!(await ready())) {
    if (!child.running) throw child.failure('exited before it was ready');
    if (Date.now() > deadline) {
      await child.kill();
      throw child.failure('was not ready in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const pid = child.pid;
  if (pid === undefined) throw child.failure('has no pid');
  return { name, pid, url, kill: () => child.kill(), stop: () => child.stop() };
}

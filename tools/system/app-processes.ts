import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManagedProcess } from '@zc/infra';
import { APPS, appEnvironment, type AppSpec, type Infrastructure } from './apps';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningApp {
  readonly spec: AppSpec;
  readonly url: string;
  readonly process: ManagedProcess;
}

export interface StartAppOptions {
  infra: Infrastructure;
  /** Extra or overriding environment for this app (tests: database names, topic prefixes, secrets). */
  env?: Record<string, string>;
  /** Persistent servers get SIGTERM when we die (npm start); throwaway test ones get SIGKILL. */
  persistent?: boolean;
  onLine?: (line: string) => void;
  startTimeoutMs?: number;
}

export function appExists(spec: AppSpec): boolean {
  return existsSync(join(root, spec.entry));
}

/** Starts one app as its own process (tsx), ready when it logs that it listens. */
export async function startApp(spec: AppSpec, options: StartAppOptions): Promise<RunningApp> {
  const env = { ...process.env, ...appEnvironment(spec, options.infra), ...options.env };
  const port = env['PORT'] ?? String(spec.port);
  const child = new ManagedProcess({
    name: spec.name,
    command: process.execPath,
    args: ['--import', 'tsx', join(root, spec.entry)],
    cwd: root,
    env,
    parentDeathSignal: options.persistent ? 'TERM' : 'KILL',
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
  try {
    await child.waitForLine(spec.readyPattern, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await child.kill();
    throw error;
  }
  return { spec, url: `http://127.0.0.1:${port}`, process: child };
}

export function appSpec(name: string): AppSpec {
  const spec = APPS.find((app) => app.name === name);
  if (!spec) throw new Error(`unknown app ${name}`);
  return spec;
}

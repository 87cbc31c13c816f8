import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@zc/testing';
import { appExists, appSpec, startApp, type RunningApp } from './app-processes';
import type { Infrastructure } from './apps';
import { requestJson } from './http-json';
import {
  createIdentity,
  FAST_SETTINGS,
  SERVICE_NAMES,
  serviceEnvironment,
  type ServiceName,
  type SystemIdentity,
} from './system-config';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface StartSystemOptions {
  infra: Infrastructure;
  /** `import.meta.url` of the test file: names its databases, topics and groups. */
  fileUrl: string;
  /** Which services to run; default every one that exists in the checkout. */
  services?: readonly ServiceName[];
  /** Per-service environment on top of the identity and FAST_SETTINGS. */
  env?: Partial<Record<ServiceName, Record<string, string>>>;
  startTimeoutMs?: number;
}

export interface System {
  readonly identity: SystemIdentity;
  readonly urls: Record<ServiceName, string>;
  readonly adminKey: string;
  readonly services: readonly ServiceName[];
  running(name: ServiceName): boolean;
  /** `kill -9`: no graceful shutdown, leases and uncommitted offsets stay behind. */
  kill(name: ServiceName): Promise<void>;
  /** SIGTERM with a grace period. */
  stop(name: ServiceName): Promise<void>;
  /** Starts the service again with exactly the same environment and waits until /readyz answers 200. */
  restart(name: ServiceName, extraEnv?: Record<string, string>): Promise<void>;
  waitReady(name: ServiceName, timeoutMs?: number): Promise<void>;
  /** Recent output of a service, for failure messages. */
  output(name: ServiceName): string;
  /** Stops every service (gracefully) and closes the log files. */
  shutdown(): Promise<void>;
}

/** A service's readiness: the simulator answers its liveness route, the others /readyz with 200. */
export async function isReady(name: ServiceName, url: string): Promise<boolean> {
  const path = name === 'zendesk-sim' ? '/_sim/healthz' : '/readyz';
  try {
    const { status } = await requestJson(`${url}${path}`, { accept: [503], timeoutMs: 3_000 });
    return status === 200;
  } catch {
    return false;
  }
}

/**
 * The whole system as separate processes on free loopback ports, private to one test file: its own
 * databases, topic prefix, consumer groups, encryption keys and admin key. Every service's output goes
 * to test-artifacts/e2e-logs/<system id>/<service>.log.
 */
export async function startSystem(options: StartSystemOptions): Promise<System> {
  const identity = await createIdentity(options.fileUrl);
  const services = (options.services ?? SERVICE_NAMES).filter((name) => appExists(appSpec(name)));
  const logDir = join(root, 'test-artifacts', 'e2e-logs', identity.id);
  mkdirSync(logDir, { recursive: true });
  const logs = new Map<ServiceName, WriteStream>();
  const log = (name: ServiceName): WriteStream => {
    let stream = logs.get(name);
    if (!stream) {
      stream = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
      logs.set(name, stream);
    }
    return stream;
  };
  const processes = new Map<ServiceName, RunningApp>();
  const envOf = (name: ServiceName, extra: Record<string, string> = {}) => ({
    ...FAST_SETTINGS[name],
    ...serviceEnvironment(identity, name, services),
    ...options.env?.[name],
    ...extra,
  });

  const waitReady = async (name: ServiceName, timeoutMs = 60_000): Promise<void> => {
    await waitFor(
      async () => {
        const running = processes.get(name);
        if (running && !running.process.running) throw running.process.failure('exited');
        return isReady(name, identity.urls[name]);
      },
      { timeoutMs, intervalMs: 200, description: `${name} to be ready` },
    );
  };

  const launch = async (name: ServiceName, extra?: Record<string, string>): Promise<void> => {
    const stream = log(name);
    stream.write(`--- start ${new Date().toISOString()}\n`);
    const started = await startApp(appSpec(name), {
      infra: options.infra,
      env: envOf(name, extra),
      onLine: (line) => stream.write(`${line}\n`),
      startTimeoutMs: options.startTimeoutMs ?? 90_000,
    });
    processes.set(name, started);
    await waitReady(name);
  };

  const shutdown = async (): Promise<void> => {
    await Promise.allSettled([...processes.values()].map((app) => app.process.stop(5_000)));
    await Promise.all([...logs.values()].map((stream) => new Promise((resolve) => stream.end(resolve))));
  };

  try {
    // One after another, like `npm start`: started together, their concurrent topic creation can make a
    // service's own ensureTopics fail with UNKNOWN_TOPIC_OR_PARTITION and exit (seen with the projection).
    for (const name of services) await launch(name);
  } catch (error) {
    await shutdown();
    throw error;
  }

  return {
    identity,
    urls: identity.urls,
    adminKey: identity.adminKey,
    services,
    running: (name) => processes.get(name)?.process.running ?? false,
    async kill(name) {
      const stream = log(name);
      await processes.get(name)?.process.kill();
      stream.write(`--- killed (SIGKILL) ${new Date().toISOString()}\n`);
    },
    async stop(name) {
      await processes.get(name)?.process.stop(10_000);
      log(name).write(`--- stopped ${new Date().toISOString()}\n`);
    },
    async restart(name, extraEnv) {
      await processes.get(name)?.process.kill();
      await launch(name, extraEnv);
    },
    waitReady,
    output: (name) => processes.get(name)?.process.output() ?? '',
    shutdown,
  };
}

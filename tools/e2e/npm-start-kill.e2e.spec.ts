import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@zc/infra';
import { waitFor } from '@zc/testing';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** pid -> [parent pid, state], for every live process. */
function processTable(): Map<number, [number, string]> {
  const table = new Map<number, [number, string]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const [, rest = ''] = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ');
      const [state = '?', parent = '0'] = rest.split(' ');
      table.set(Number(entry), [Number(parent), state]);
    } catch {
      // Gone between readdir and read.
    }
  }
  return table;
}

function descendantsOf(root: number): number[] {
  const table = processTable();
  const found: number[] = [];
  for (let frontier = [root]; frontier.length > 0;) {
    const children = [...table].filter(([, [parent]]) => frontier.includes(parent)).map(([pid]) => pid);
    found.push(...children);
    frontier = children;
  }
  return found;
}

// A zombie still has a /proc entry until its parent reaps it; it holds nothing.
const alive = (pid: number) => {
  const row = processTable().get(pid);
  return row !== undefined && row[1] !== 'Z';
};

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

// `kill -9` of npm itself, as a supervisor or a closing terminal does: npm → sh → node bootstrap → servers.
describe('npm start dies whole', () => {
  const runDir = mkdtempSync(join(tmpdir(), 'zc-npm-start-'));
  const started: number[] = [];
  afterAll(() => {
    // Should this test fail, what it started must not outlive it (each pid was ours a moment ago).
    for (const pid of started.filter(alive)) process.kill(pid, 'SIGKILL');
    rmSync(runDir, { recursive: true, force: true });
  });

  it('leaves no process and no open port behind when the npm process is killed with SIGKILL', async () => {
    const names = ['KAFKA', 'KAFKA_CONTROLLER', 'MONGO', 'ZENDESK_SIM', 'AUTH_SERVICE', 'COLLECTOR_SERVICE'];
    const ports: Record<string, number> = {};
    for (const name of [...names, 'PROJECTION_SERVICE']) ports[name] = await freePort();
    const env = {
      ...process.env,
      ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [`${name}_PORT`, String(port)])),
      ZC_LOCAL_RUN_DIR: runDir,
    };
    const npm = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout.on('data', (data: Buffer) => (output += data.toString()));
    npm.stderr.on('data', (data: Buffer) => (output += data.toString()));
    await waitFor(() => output.includes('Zendesk connector is running'), {
      timeoutMs: 170_000,
      description: `npm start to report the stack running; output so far:\n${output.slice(-2000)}`,
    });
    const pid = npm.pid ?? 0;
    const tree = descendantsOf(pid);
    started.push(...tree);
    // sh, the bootstrap node, esbuild, FerretDB, the Kafka JVM and the four services at least.
    expect(tree.length).toBeGreaterThanOrEqual(8);
    for (const port of Object.values(ports)) expect(await portOpen(port)).toBe(true);

    process.kill(pid, 'SIGKILL');

    await waitFor(() => tree.every((child) => !alive(child)), {
      timeoutMs: 60_000,
      description: `every process npm start started to exit (left: ${tree.filter(alive).join(', ')})`,
    });
    for (const port of Object.values(ports)) expect(await portOpen(port)).toBe(false);
  }, 240_000);
});

// The Node the project runs on: the LTS pinned in .nvmrc. When the system Node is older, the npm
// registry's node-<platform>-<arch> package (it holds the official binary) is brought into the cache,
// like Kafka and FerretDB, and the bootstrap hands over to it. Plain JavaScript: it runs on the old Node.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Same rule as tools/infra/cache-dir.ts (which needs TypeScript, not yet available here). */
const cacheRoot = () => {
  if (process.env.ZC_CACHE_DIR) return process.env.ZC_CACHE_DIR;
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && xdg.length > 0 ? xdg : join(homedir(), '.cache'), 'zendesk-connector');
};

export const pinnedNodeVersion = (root) => readFileSync(join(root, '.nvmrc'), 'utf8').trim();

const majorOf = (version) => Number(version.split('.')[0]);

/** True when this process already runs a Node at least as new as the pinned major. */
export const runsPinnedMajor = (pinned) => majorOf(process.versions.node) >= majorOf(pinned);

/**
 * The pinned Node's bin directory, downloaded once per machine. `npm pack` fetches the tarball through the
 * ordinary client (registry, proxy and integrity check included); the unpacked folder is renamed into
 * place in one step, so a concurrent or interrupted run never sees half a Node.
 */
export function provisionNode(pinned) {
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = join(cacheRoot(), `${pkg}-${pinned}`);
  const bin = join(dir, 'bin');
  if (existsSync(join(bin, 'node'))) return bin;
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    console.error(`[bootstrap] Node ${process.versions.node} is older than ${pinned}: fetching ${pkg}@${pinned}…`);
    const pack = spawnSync('npm', ['pack', `${pkg}@${pinned}`, '--pack-destination', partial, '--silent'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    const tarball = readdirSync(partial).find((name) => name.endsWith('.tgz'));
    if (pack.status !== 0 || tarball === undefined) {
      throw new Error(`npm pack ${pkg}@${pinned} failed: check that the npm registry is reachable`);
    }
    const untar = spawnSync('tar', ['-xzf', join(partial, tarball), '-C', partial], { stdio: 'inherit' });
    if (untar.status !== 0) throw new Error(`could not unpack ${tarball}`);
    const unpacked = join(partial, 'package');
    const probe = spawnSync(join(unpacked, 'bin', 'node'), ['--version'], { encoding: 'utf8' });
    if (probe.stdout.trim() !== `v${pinned}`) throw new Error(`${pkg}@${pinned} does not run here`);
    try {
      renameSync(unpacked, dir);
    } catch (error) {
      // Another run won the race; its copy is as good as ours.
      if (!existsSync(join(bin, 'node'))) throw error;
    }
    return bin;
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/**
 * Runs this same bootstrap again on the pinned Node, with its bin first in PATH so everything started
 * from here (npx vitest, tsx, the services) runs on it too, and exits as it exits. Signals are passed on:
 * the child stops its servers itself.
 */
export function handOver(bin, script, args) {
  const child = spawn(join(bin, 'node'), [script, ...args], {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)));
}

// The one entry point of `npm start` and `npm test`. It needs only Node: it installs the
// project's dependencies when they are missing or stale, then hands over to TypeScript.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { handOver, pinnedNodeVersion, provisionNode, runsPinnedMajor } from './node-runtime.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// `npm start` is npm → sh → this node, and nothing tells us when npm dies by SIGKILL: sh just stays,
// waiting for us, and our servers (tied to us with setpriv --pdeathsig) stay with us. So we watch our
// parent and its parent; when either goes, we stop as on Ctrl-C, and the servers go with us.
const parentOf = (pid) => {
  try {
    // Field 4 of /proc/<pid>/stat, after the parenthesised command name (which may hold spaces).
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
  } catch {
    return null;
  }
};
const watched = [process.ppid, parentOf(process.ppid)];
if (existsSync('/proc/self/stat')) {
  const watchdog = setInterval(() => {
    const now = [process.ppid, parentOf(process.ppid)];
    if (now[0] === watched[0] && now[1] === watched[1]) return;
    clearInterval(watchdog);
    console.error('[bootstrap] the process that started us is gone; stopping');
    process.kill(process.pid, 'SIGTERM');
    // Whatever the command does with SIGTERM, do not outlive it by much.
    setTimeout(() => process.exit(1), 20_000).unref();
  }, 500);
  watchdog.unref();
}

// On an older system Node, everything runs on the pinned LTS instead (tools/node-runtime.mjs).
const pinned = pinnedNodeVersion(root);
if (!runsPinnedMajor(pinned)) {
  let bin;
  try {
    bin = provisionNode(pinned);
  } catch (error) {
    console.error(`[bootstrap] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  handOver(bin, fileURLToPath(import.meta.url), process.argv.slice(2));
  // The child's exit ends this process (handOver); nothing below runs on the old Node.
  await new Promise(() => {});
}

const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.error('[bootstrap] installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[bootstrap] npm ci failed: check that the npm registry is reachable.');
    process.exit(result.status ?? 1);
  }
}

// Nx must never try the cloud or leave a daemon behind.
process.env.NX_DAEMON = 'false';
process.env.NX_NO_CLOUD = 'true';
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const commands = { start: 'tools/start.ts', test: 'tools/run-tests.ts' };
const command = process.argv[2];
if (!(command in commands)) {
  console.error(`usage: node tools/bootstrap.mjs ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
// The command's own arguments follow the command name.
process.argv.splice(2, 1);
// In-process, so the servers this starts are our children and die with us.
const { register } = await import('tsx/esm/api');
register();
await import(pathToFileURL(join(root, commands[command])).href);

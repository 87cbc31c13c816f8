// The one entry point of `npm start` and `npm test`. It needs only Node: it installs the
// project's dependencies when they are missing or stale, then hands over to TypeScript.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: install Node 20.19 or newer.`);
  process.exit(1);
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

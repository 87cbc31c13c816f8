// Production bundle of one app: `npx tsx tools/ops/bundle-app.ts <app>` → dist/<app>/main.mjs.
// The Dockerfiles in docker/ run this in their build stage; the image then holds only dist/<app>.
import { relative, resolve } from 'node:path';
import { bundleApp } from './bundle';

const rootDir = resolve(import.meta.dirname, '..', '..');
const [app, ...rest] = process.argv.slice(2);

if (!app || rest.length > 0) {
  process.stderr.write('usage: npx tsx tools/ops/bundle-app.ts <app>   (e.g. auth-service)\n');
  process.exit(2);
}

try {
  const result = await bundleApp(app, rootDir);
  const size = `${(result.bytes / 1024 / 1024).toFixed(1)} MiB`;
  process.stdout.write(`bundled ${app} → ${relative(rootDir, result.outfile)} (${size})\n`);
  for (const asset of result.assets) process.stdout.write(`  runtime assets → ${relative(rootDir, asset)}\n`);
} catch (error) {
  process.stderr.write(`bundle-app: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

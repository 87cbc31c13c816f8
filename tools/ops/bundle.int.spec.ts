import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleApp } from './bundle';
import { ROOT } from './repo-files';

// A throwaway repo whose app uses the dependencies that are awkward to bundle: CommonJS requiring
// Node built-ins (fastify, pino) and a package reading files beside its source (@fastify/swagger-ui).
const FIXTURE = `
import { createRequire } from 'node:module';
import Fastify from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
const require = createRequire(import.meta.url); // must not clash with the banner's require
void require;
const app = Fastify();
await app.register(swagger, { openapi: { info: { title: 't', version: '1' } } });
await app.register(swaggerUi, { routePrefix: '/docs' });
const logo = await app.inject('/docs/static/logo.svg');
console.log(JSON.stringify({ logo: logo.statusCode }));
`;

const root = mkdtempSync(join(tmpdir(), 'zc-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bundleApp', () => {
  it('names the missing entry point', async () => {
    await expect(bundleApp('no-such-app', root)).rejects.toThrow(/no entry point apps\/no-such-app\/src\/main\.ts/);
    await expect(bundleApp('../etc', root)).rejects.toThrow(/not an app name/);
  });

  it('produces a bundle that runs without node_modules', async () => {
    mkdirSync(join(root, 'apps', 'demo', 'src'), { recursive: true });
    writeFileSync(join(root, 'apps', 'demo', 'src', 'main.ts'), FIXTURE);
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    const result = await bundleApp('demo', root);
    rmSync(join(root, 'node_modules'));

    const output = execFileSync('node', [result.outfile], { cwd: tmpdir(), encoding: 'utf8' });
    expect(JSON.parse(output.trim().split('\n').pop() ?? '')).toEqual({ logo: 200 });
    expect(result.assets).toEqual([join(root, 'dist', 'demo', 'assets', '@fastify', 'swagger-ui', 'static')]);
  });
});

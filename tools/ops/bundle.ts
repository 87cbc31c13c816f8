import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { ASSET_DIR_FN, copyRuntimeAssets, runtimeAssetsPlugin } from './runtime-assets';

export class BundleError extends Error {
  readonly code = 'BUNDLE_FAILED';
}

export interface BundleResult {
  app: string;
  outfile: string;
  bytes: number;
  assets: string[];
}

/**
 * ESM output cannot `require()`, but bundled CommonJS dependencies (fastify, kafkajs, mongodb, pino)
 * call it for Node built-ins; without this esbuild's shim throws "Dynamic require of ... is not
 * supported" at run time. `__dirname`/`__filename` are mapped by `define`, not declared here, so an
 * ESM module declaring its own `__dirname` cannot collide with the banner.
 */
const BANNER = [
  "import { createRequire as __zcCreateRequire } from 'node:module';",
  "import { fileURLToPath as __zcFileURLToPath } from 'node:url';",
  "import { dirname as __zcDirname, join as __zcJoin } from 'node:path';",
  'const require = __zcCreateRequire(import.meta.url);',
  'const __zcBundleFile = __zcFileURLToPath(import.meta.url);',
  'const __zcBundleDir = __zcDirname(__zcBundleFile);',
  `const ${ASSET_DIR_FN} = (dir) => __zcJoin(__zcBundleDir, 'assets', dir);`,
].join('\n');

const APP_NAME = /^[a-z0-9][a-z0-9-]*$/;

const knownApps = (rootDir: string): string[] =>
  existsSync(join(rootDir, 'apps'))
    ? readdirSync(join(rootDir, 'apps')).filter((name) => existsSync(join(rootDir, 'apps', name, 'src', 'main.ts')))
    : [];

/** Bundles `apps/<app>/src/main.ts` into `dist/<app>/main.mjs`, runnable with plain `node`. */
export async function bundleApp(app: string, rootDir: string): Promise<BundleResult> {
  if (!APP_NAME.test(app)) throw new BundleError(`"${app}" is not an app name (expected e.g. auth-service)`);
  const entry = join(rootDir, 'apps', app, 'src', 'main.ts');
  if (!existsSync(entry)) {
    const apps = knownApps(rootDir);
    throw new BundleError(
      `no entry point ${relative(rootDir, entry)}; apps with a main.ts: ${apps.length ? apps.join(', ') : 'none yet'}`,
    );
  }
  const outDir = join(rootDir, 'dist', app);
  // A stale asset or chunk from an earlier build must not end up in the image.
  rmSync(outDir, { recursive: true, force: true });
  const outfile = join(outDir, 'main.mjs');
  const usedAssets = new Map<string, string>();
  const result = await build({
    absWorkingDir: rootDir,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    banner: { js: BANNER },
    define: { __dirname: '__zcBundleDir', __filename: '__zcBundleFile' },
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [runtimeAssetsPlugin(usedAssets)],
  }).catch((error: unknown) => {
    throw new BundleError(`esbuild failed for ${app}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const bytes = result.metafile.outputs[relative(rootDir, outfile).replace(/\\/g, '/')]?.bytes ?? 0;
  return { app, outfile, bytes, assets: copyRuntimeAssets(usedAssets, outDir) };
}

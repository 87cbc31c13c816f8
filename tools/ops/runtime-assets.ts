import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * Packages that read files next to their own source at run time. Bundled, their `__dirname` would be
 * the bundle's folder and the files would be missing (for @fastify/swagger-ui that is a crash at
 * registration: it reads static/logo.svg). We copy the files to `<outdir>/assets/<package>/` and point
 * the package's `__dirname` there, so the image still needs nothing but the bundle folder.
 */
export const RUNTIME_ASSETS: ReadonlyArray<{ pkg: string; dirs: readonly string[] }> = [
  { pkg: '@fastify/swagger-ui', dirs: ['static'] },
];

/** Defined by the bundle banner: the asset folder of a package-relative source folder. */
export const ASSET_DIR_FN = '__zcAssetDir';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Records, per package the bundle contains, the folder it was loaded from (hoisted or nested). */
export function runtimeAssetsPlugin(used: Map<string, string>): Plugin {
  return {
    name: 'zc-runtime-assets',
    setup(build) {
      for (const { pkg } of RUNTIME_ASSETS) {
        const filter = new RegExp(`node_modules[\\\\/]${escapeRegExp(pkg)}[\\\\/](.*)\\.[cm]?js$`);
        build.onLoad({ filter }, (args) => {
          const path = args.path.replace(/\\/g, '/');
          const marker = path.lastIndexOf(`node_modules/${pkg}/`) + `node_modules/${pkg}`.length;
          used.set(pkg, path.slice(0, marker));
          const withinPkg = path.slice(marker + 1);
          const sourceDir = join(pkg, withinPkg, '..').replace(/\\/g, '/');
          const contents = readFileSync(args.path, 'utf8').replace(
            /\b__dirname\b/g,
            `${ASSET_DIR_FN}(${JSON.stringify(sourceDir)})`,
          );
          return { contents, loader: 'js' };
        });
      }
    },
  };
}

/** Copies the asset folders of the packages the bundle actually contains. */
export function copyRuntimeAssets(used: ReadonlyMap<string, string>, outDir: string): string[] {
  const copied: string[] = [];
  for (const { pkg, dirs } of RUNTIME_ASSETS) {
    const pkgDir = used.get(pkg);
    if (pkgDir === undefined) continue;
    for (const dir of dirs) {
      const target = join(outDir, 'assets', pkg, dir);
      cpSync(join(pkgDir, dir), target, { recursive: true });
      copied.push(target);
    }
  }
  return copied;
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Built artifacts live outside the clone so that a fresh clone on a warm machine reuses them.
 * ZC_CACHE_DIR overrides, then XDG_CACHE_HOME, then ~/.cache.
 */
export function cacheRoot(): string {
  const explicit = process.env['ZC_CACHE_DIR'];
  if (explicit) return explicit;
  const xdg = process.env['XDG_CACHE_HOME'];
  return join(xdg && xdg.length > 0 ? xdg : join(homedir(), '.cache'), 'zendesk-connector');
}

/** A folder name keyed by version and by the content of the files that decide the build. */
export function versionedDir(name: string, version: string, inputs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of inputs) hash.update(readFileSync(file));
  return join(cacheRoot(), `${name}-${version}-${hash.digest('hex').slice(0, 12)}`);
}

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DOCKER_DIR = join(ROOT, 'docker');

export const readRepoFile = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** YAML with compose's merge keys (`<<: *anchor`) resolved, as compose and Prometheus read it. */
export const readYaml = (path: string): unknown => parse(readRepoFile(path), { merge: true });

export interface CommandResult {
  available: boolean;
  status: number | null;
  output: string;
}

/** Runs a tool from the repository root; `available` is false when it is not on PATH. */
export function run(command: string, args: string[]): CommandResult {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const missing = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { available: !missing, status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

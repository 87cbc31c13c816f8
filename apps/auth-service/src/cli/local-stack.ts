import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Where `npm start` keeps its data, its generated secrets and the addresses of what it started. */
export const defaultRunDir = (): string =>
  process.env['ZC_LOCAL_RUN_DIR'] ?? fileURLToPath(new URL('../../../../.cache/run/', import.meta.url));

export const LOCAL_STACK_FILE = 'local-stack.json';

// Written by tools/start.ts; only the fields the admin CLI needs are read.
const LocalStackSchema = z.looseObject({ MONGO_URI: z.string().min(1) });
const DevSecretsSchema = z.looseObject({ encryptionKeys: z.string().min(1) });

const readJson = <T>(file: string, schema: z.ZodType<T>): T | undefined =>
  existsSync(file) ? schema.parse(JSON.parse(readFileSync(file, 'utf8'))) : undefined;

/**
 * The settings of the local stack `npm start` runs, as environment defaults: `npm run admin` then works
 * against it with no extra environment, and anything set in the real environment still wins.
 */
export function localStackDefaults(runDir: string = defaultRunDir()): Record<string, string> {
  const stack = readJson(join(runDir, LOCAL_STACK_FILE), LocalStackSchema);
  const secrets = readJson(join(runDir, 'dev-secrets.json'), DevSecretsSchema);
  return {
    ...(stack === undefined ? {} : { MONGO_URI: stack.MONGO_URI }),
    ...(secrets === undefined ? {} : { ENCRYPTION_KEYS: secrets.encryptionKeys }),
  };
}

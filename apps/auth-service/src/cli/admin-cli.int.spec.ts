import { uniqueDatabaseName } from '@zc/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_STACK_FILE } from './local-stack';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** `npm run admin -- …` as a user types it: no MONGO_URI or ENCRYPTION_KEYS in the environment. */
function admin(args: string[], env: Record<string, string>) {
  const { MONGO_URI: _uri, MONGO_DB: _db, ENCRYPTION_KEYS: _keys, ...rest } = process.env;
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['apps/auth-service/src/cli/admin.ts', ...args],
      { cwd: ROOT, env: { ...rest, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ status: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr });
      },
    );
  });
}

describe('npm run admin against the local stack', () => {
  const runDir = mkdtempSync(join(tmpdir(), 'zc-admin-cli-'));
  // The database is the only thing set here: npm start's own is zc_auth, and tests must not share it.
  const env = { ZC_LOCAL_RUN_DIR: runDir, MONGO_DB: uniqueDatabaseName(import.meta.url) };
  afterAll(() => rmSync(runDir, { recursive: true, force: true }));

  it('names what is missing when no local stack has run', async () => {
    const result = await admin(['keys', 'list'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MONGO_URI');
  });

  it('creates and lists keys with the stack’s MONGO_URI and no extra environment', async () => {
    writeFileSync(join(runDir, LOCAL_STACK_FILE), JSON.stringify({ MONGO_URI: inject('mongoUri') }));
    const created = await admin(['keys', 'create', '--name', 'ci', '--scopes', 'connectors:read'], env);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const keyId = /Created key (\S+)\./.exec(created.stdout)?.[1];
    expect(keyId).toBeDefined();
    const listed = await admin(['keys', 'list'], env);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(`${keyId ?? '?'}  ci  connectors:read`);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_STACK_FILE, localStackDefaults } from './local-stack';

describe('localStackDefaults', () => {
  const dirs: string[] = [];
  const runDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'zc-local-stack-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is empty when npm start never ran', () => {
    expect(localStackDefaults(runDir())).toEqual({});
  });

  it('takes MONGO_URI from the stack file and ENCRYPTION_KEYS from the generated secrets', () => {
    const dir = runDir();
    writeFileSync(
      join(dir, LOCAL_STACK_FILE),
      JSON.stringify({ MONGO_URI: 'mongodb://127.0.0.1:27017/', KAFKA_BROKERS: 'x' }),
    );
    writeFileSync(
      join(dir, 'dev-secrets.json'),
      JSON.stringify({ encryptionKeys: 'dev1:abc', adminBootstrapKey: 'k' }),
    );
    expect(localStackDefaults(dir)).toEqual({ MONGO_URI: 'mongodb://127.0.0.1:27017/', ENCRYPTION_KEYS: 'dev1:abc' });
  });
});

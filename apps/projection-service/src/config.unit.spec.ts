import { parseConfig } from '@zc/config';
import { describe, expect, it } from 'vitest';
import { ProjectionConfig, projectionDatabases } from './config';

const env = { KAFKA_BROKERS: 'k:9092', MONGO_URI: 'mongodb://db:27017' };

describe('the projection reaches API key digests, never the auth database', () => {
  it('connects to its views and the keys database only, by default', () => {
    const databases = Object.values(projectionDatabases(parseConfig(ProjectionConfig, env)));
    expect(databases.map((db) => db.dbName).sort()).toEqual(['zc_keys', 'zc_projection']);
  });

  it('has no setting that names the auth database: an old AUTH_MONGO_DB is ignored', () => {
    const config = parseConfig(ProjectionConfig, { ...env, AUTH_MONGO_DB: 'zc_auth' });
    expect(Object.keys(config).filter((key) => key.startsWith('AUTH'))).toEqual([]);
    expect(Object.values(projectionDatabases(config)).map((db) => db.dbName)).not.toContain('zc_auth');
  });

  it('verifies keys with their own credentials when KEYS_MONGO_URI is set', () => {
    const config = parseConfig(ProjectionConfig, {
      ...env,
      KEYS_MONGO_URI: 'mongodb://keys-reader:pw@db:27017/zc_keys',
    });
    expect(projectionDatabases(config).apiKeys).toEqual({
      uri: 'mongodb://keys-reader:pw@db:27017/zc_keys',
      dbName: 'zc_keys',
    });
  });
});

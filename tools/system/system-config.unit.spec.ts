import { describe, expect, it } from 'vitest';
import { createIdentity, serviceEnvironment } from './system-config';

describe('system wiring', () => {
  it('gives the projection the keys database and never the auth database', async () => {
    const identity = await createIdentity(import.meta.url);
    const projection = serviceEnvironment(identity, 'projection-service');
    expect(Object.values(projection)).not.toContain(identity.databases.auth);
    expect(projection['KEYS_MONGO_DB']).toBe(identity.databases.keys);
    expect(serviceEnvironment(identity, 'auth-service')['KEYS_MONGO_DB']).toBe(identity.databases.keys);
  });
});

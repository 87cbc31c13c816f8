import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyAuth, requireScopes, type Principal } from './api-key-auth';
import { createHttpApp, type HttpApp } from './create-http-app';

// Key storage and hashing live in @zc/api-keys; this plugin only needs a verify function.
const key = (id: string, secret: string) => ({ id, secret, presented: `zck_${id}_${secret}` });
const admin = key('a1a1a1a1', 'admin-secret-admin-secret-admin-secret-0000');
const reader = key('b2b2b2b2', 'reader-secret-reader-secret-reader-secret-00');
const stored = new Map([
  [admin.presented, ['connectors:read', 'connectors:write']],
  [reader.presented, ['connectors:read']],
]);

const verify = (presented: string): Promise<Principal | null> => {
  const scopes = stored.get(presented);
  return Promise.resolve(scopes ? { keyId: presented.split('_')[1] ?? '', scopes } : null);
};

let app: HttpApp;
beforeEach(async () => {
  app = await createHttpApp({
    serviceName: 'auth-test',
    logger: { level: 'silent' },
    rateLimit: { max: 3, timeWindowMs: 60_000 },
  });
  app.get('/public', (request) => ({ principal: request.principal }));
  await app.register(async (api) => {
    await api.register(apiKeyAuth({ verify }));
    api.get('/v1/connectors', { preHandler: requireScopes('connectors:read') }, (request) => ({
      keyId: request.principal?.keyId,
    }));
    api.post('/v1/connectors', { preHandler: requireScopes('connectors:write') }, () => ({ ok: true }));
  });
});
afterEach(() => app.close());

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('apiKeyAuth', () => {
  it('answers 401 UNAUTHENTICATED without a key', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/connectors' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('answers 401 for a wrong secret and for garbage', async () => {
    const wrong = `zck_${admin.id}_${reader.secret}`;
    expect((await app.inject({ method: 'GET', url: '/v1/connectors', headers: bearer(wrong) })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/v1/connectors', headers: bearer('nope') })).statusCode).toBe(401);
  });

  it('lets a key with the scope through and exposes its id on the request', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/connectors', headers: bearer(reader.presented) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ keyId: reader.id });
  });

  it('accepts the key in x-api-key as well', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/v1/connectors',
      headers: { 'x-api-key': reader.presented },
    });
    expect(response.statusCode).toBe(200);
  });

  it('answers 403 FORBIDDEN_SCOPE naming the missing scope', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/connectors', headers: bearer(reader.presented) });
    expect(response.statusCode).toBe(403);
    const problem = response.json<{ code: string; detail: string }>();
    expect(problem.code).toBe('FORBIDDEN_SCOPE');
    expect(problem.detail).toContain('connectors:write');
    const allowed = await app.inject({ method: 'POST', url: '/v1/connectors', headers: bearer(admin.presented) });
    expect(allowed.statusCode).toBe(200);
  });

  it('leaves routes outside the protected context public', async () => {
    const response = await app.inject({ method: 'GET', url: '/public' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ principal: null });
  });

  it('throttles anonymous attempts by IP and authenticated calls by key id', async () => {
    for (let i = 0; i < 3; i += 1) await app.inject({ method: 'GET', url: '/v1/connectors', headers: bearer('guess') });
    const throttled = await app.inject({ method: 'GET', url: '/v1/connectors', headers: bearer('guess') });
    expect(throttled.statusCode).toBe(429);
    const withKey = await app.inject({ method: 'GET', url: '/v1/connectors', headers: bearer(reader.presented) });
    expect(withKey.statusCode).toBe(200);
  });
});

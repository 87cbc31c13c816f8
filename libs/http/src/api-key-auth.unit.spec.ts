import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKeySecret, parseApiKey, verifyApiKeySecret } from './api-key';
import { apiKeyAuth, requireScopes, type Principal } from './api-key-auth';
import { createHttpApp, type HttpApp } from './create-http-app';

const admin = generateApiKey();
const reader = generateApiKey();
const stored = new Map([
  [admin.id, { hash: hashApiKeySecret(admin.secret), scopes: ['connectors:read', 'connectors:write'] }],
  [reader.id, { hash: hashApiKeySecret(reader.secret), scopes: ['connectors:read'] }],
]);

const verify = (presented: string): Promise<Principal | null> => {
  const parsed = parseApiKey(presented);
  const record = parsed === null ? undefined : stored.get(parsed.id);
  const valid = parsed !== null && record !== undefined && verifyApiKeySecret(parsed.secret, record.hash);
  return Promise.resolve(valid ? { keyId: parsed.id, scopes: record.scopes } : null);
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

describe('API key helpers', () => {
  it('generates keys in the zck_<id>_<secret> format that parse back', () => {
    const key = generateApiKey();
    expect(key.presented).toBe(`zck_${key.id}_${key.secret}`);
    expect(parseApiKey(key.presented)).toEqual({ id: key.id, secret: key.secret });
    expect(generateApiKey().secret).not.toBe(key.secret);
    expect(parseApiKey('zck_short_x')).toBeNull();
  });

  it('hashes with a per-key salt and verifies in constant time', () => {
    const { secret } = generateApiKey();
    const first = hashApiKeySecret(secret);
    const second = hashApiKeySecret(secret);
    expect(first).not.toBe(second);
    expect(first).not.toContain(secret);
    expect(verifyApiKeySecret(secret, first)).toBe(true);
    expect(verifyApiKeySecret(secret, second)).toBe(true);
    expect(verifyApiKeySecret(`${secret}x`, first)).toBe(false);
    expect(verifyApiKeySecret(secret, 'garbage')).toBe(false);
  });
});

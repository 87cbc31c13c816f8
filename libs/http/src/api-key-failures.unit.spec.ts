import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyAuth, type Principal } from './api-key-auth';
import { createHttpApp, type HttpApp } from './create-http-app';

const KEY_ID = 'c3c3c3c3c3c3c3c3';
const GOOD = `zck_${KEY_ID}_${'g'.repeat(43)}`;
const wrong = (n: number) => `zck_${KEY_ID}_${String(n).padStart(43, 'w')}`;

let app: HttpApp;
let verifications: number;
let clock: number;

beforeEach(async () => {
  verifications = 0;
  clock = 1_000_000;
  app = await createHttpApp({ serviceName: 'failures-test', logger: { level: 'silent' }, rateLimit: false });
  const verify = (presented: string): Promise<Principal | null> => {
    verifications += 1;
    return Promise.resolve(presented === GOOD ? { keyId: KEY_ID, scopes: [] } : null);
  };
  await app.register(async (api) => {
    await api.register(
      apiKeyAuth({
        verify,
        now: () => clock,
        refusalDelayMs: 0,
        failures: { perClient: { max: 5, windowMs: 60_000 }, perKeyId: { max: 3, windowMs: 60_000 } },
      }),
    );
    api.get('/v1/x', () => ({ ok: true }));
  });
});
afterEach(() => app.close());

const call = (presented: string, ip = '10.0.0.1') =>
  app.inject({ method: 'GET', url: '/v1/x', headers: { authorization: `Bearer ${presented}` }, remoteAddress: ip });

describe('failed API key attempts are limited before any verification', () => {
  it('refuses a key id after too many wrong secrets with 429 and Retry-After, without verifying', async () => {
    expect((await call(GOOD, '10.0.0.9')).statusCode).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await call(wrong(i), `10.1.0.${String(i)}`)).statusCode).toBe(401);
    const before = verifications;
    const refused = await call(wrong(99), '10.2.0.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ status: 429, code: 'API_KEY_ATTEMPTS_EXCEEDED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(verifications).toBe(before);
  });

  it('keeps letting the holder of the attacked key id in', async () => {
    expect((await call(GOOD, '10.0.0.9')).statusCode).toBe(200);
    for (let i = 0; i < 10; i += 1) await call(wrong(i), `10.1.0.${String(i)}`);
    expect((await call(wrong(50), '10.3.0.1')).statusCode).toBe(429);
    expect((await call(GOOD, '10.0.0.9')).statusCode).toBe(200);
  });

  it('refuses a client after too many failures across key ids, and lets it retry once the window passes', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await call(`zck_${String(i).repeat(8)}_${'x'.repeat(43)}`)).statusCode).toBe(401);
    }
    const before = verifications;
    const refused = await call(GOOD);
    expect(refused.statusCode).toBe(429);
    expect(verifications).toBe(before);
    expect((await call(GOOD, '10.0.0.2')).statusCode).toBe(200);
    clock += 61_000;
    expect((await call(GOOD)).statusCode).toBe(200);
  });
});

describe('refusals are held before they go out', () => {
  it('answers a refused attempt only after the hold, so a closed-loop guesser slows down', async () => {
    const held = await createHttpApp({ serviceName: 'hold-test', logger: { level: 'silent' }, rateLimit: false });
    await held.register(async (api) => {
      await api.register(
        apiKeyAuth({
          verify: () => Promise.resolve(null),
          failures: { perClient: { max: 1, windowMs: 60_000 }, perKeyId: { max: 1, windowMs: 60_000 } },
          refusalDelayMs: 80,
        }),
      );
      api.get('/v1/x', () => ({ ok: true }));
    });
    const attempt = () =>
      held.inject({ method: 'GET', url: '/v1/x', headers: { authorization: `Bearer ${wrong(1)}` } });
    expect((await attempt()).statusCode).toBe(401);
    const started = performance.now();
    const refused = await attempt();
    expect(refused.statusCode).toBe(429);
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
    await held.close();
  });
});

import { ZendeskRateLimitedError } from '@zc/zendesk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, clientFor, hostInject, seedAccount, startSim } from './testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startSim();
});
afterAll(async () => h.close());

describe('the simulator enforces its own limits', () => {
  it('answers 429 after the limit; honouring Retry-After (on the sim clock) succeeds', async () => {
    const acct = seedAccount(h, 'rl-json', { rateLimitPerMinute: 5 });
    const client = clientFor(h, acct.subdomain, acct.adminToken);
    for (let i = 0; i < 5; i += 1) await client.getMe();
    const error: unknown = await client.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZendeskRateLimitedError);
    const retryAfterMs = (error as ZendeskRateLimitedError).retryAfterMs;
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);
    h.clock.advance(retryAfterMs);
    await expect(client.getMe()).resolves.toMatchObject({ id: acct.adminId });
  });

  it('serves a text/plain 429 when configured, with every header', async () => {
    const acct = seedAccount(h, 'rl-text', { rateLimitPerMinute: 1, rateLimitBody: 'text', rateLimitWindowMs: 10_000 });
    const ok = await hostInject(h, acct.subdomain, '/api/v2/users/me', { token: acct.adminToken });
    expect(ok.headers).toMatchObject({ 'x-rate-limit': '1', 'x-rate-limit-remaining': '0', 'ratelimit-limit': '1' });
    const limited = await hostInject(h, acct.subdomain, '/api/v2/users/me', { token: acct.adminToken });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('text/plain');
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(10);
    await expect(clientFor(h, acct.subdomain, acct.adminToken).getMe()).rejects.toBeInstanceOf(ZendeskRateLimitedError);
  });
});

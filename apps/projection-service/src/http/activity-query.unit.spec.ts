import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildApp, type AppDeps } from '../app';

// A misspelt filter must not quietly widen the answer to every connector's activities.
describe('activity query parameters', () => {
  const build = () =>
    buildApp({
      queries: {
        activities: () => Promise.resolve({ items: [], next: null }),
        users: () => Promise.resolve({ items: [], next: null }),
      } as unknown as AppDeps['queries'],
      verifyApiKey: () => Promise.resolve({ keyId: 'k', scopes: ['activities:read'] }),
      now: () => new Date(0),
      logger: pino({ level: 'silent' }),
    });

  it('answers 400 naming an unknown parameter, and accepts the known ones', async () => {
    const app = await build();
    const headers = { authorization: 'Bearer zck_k_x' };
    const wrong = await app.inject({ method: 'GET', url: '/v1/activities?connectorId=abc', headers });
    expect(wrong.statusCode).toBe(400);
    expect(JSON.stringify(wrong.json())).toContain('connectorId');
    const right = await app.inject({ method: 'GET', url: '/v1/activities?connector=abc', headers });
    expect(right.statusCode).toBe(200);
    const users = await app.inject({ method: 'GET', url: '/v1/users?account=abc', headers });
    expect(users.statusCode).toBe(400);
    await app.close();
  });
});

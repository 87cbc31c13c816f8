import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildApp, type AppDeps } from './app';

// The query API's text parameters (filters, ids, cursors) refuse control and bidi characters too.
describe('projection query parameters', () => {
  it('answers 400 naming a parameter with a control or bidi character', async () => {
    const app = await buildApp({
      queries: {
        activities: () => Promise.resolve({ items: [], next: null }),
        users: () => Promise.resolve({ items: [], next: null }),
      } as unknown as AppDeps['queries'],
      verifyApiKey: () => Promise.resolve({ keyId: 'k', scopes: ['activities:read'] }),
      now: () => new Date(0),
      logger: pino({ level: 'silent' }),
    });
    const headers = { authorization: 'Bearer zck_k_x' };
    for (const [value, codePoint] of [
      ['acme\u0000', 'U+0000'],
      ['acme\u202e', 'U+202E'],
      ['a\nb', 'U+000A'],
    ] as const) {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/activities?connector=${encodeURIComponent(value)}`,
        headers,
      });
      expect(response.statusCode).toBe(400);
      const problem = response.json<{ code: string; errors: { field: string; message: string }[] }>();
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.errors).toEqual([
        { field: 'querystring.connector', message: expect.stringContaining(codePoint) as unknown },
      ]);
    }
    await app.close();
  });
});

import { openApiGaps } from '@zc/testing';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { buildApp, type AppDeps } from './app';

const build = () =>
  buildApp({
    queries: {} as AppDeps['queries'],
    verifyApiKey: () => Promise.resolve(null),
    now: () => new Date(0),
    logger: pino({ level: 'silent' }),
  });

describe('projection-service OpenAPI document', () => {
  it('gives every operation an operationId, bearer security where a key is needed, and problem details', async () => {
    const app = await build();
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
    }>();
    const secured = (_method: string, path: string) => path.startsWith('/v1/');
    const gaps = openApiGaps(document, secured, { everywhere: ['500'], secured: ['400', '401', '403', '429'] });
    expect(gaps).toEqual([]);
    // Swagger UI's Authorize only sends the key to operations that declare the scheme.
    const status = document.paths['/v1/connectors/{id}/status']?.['get'];
    expect(status?.security).toContainEqual({ bearerApiKey: [] });
    await app.close();
  });

  it('names the service’s own version, not a placeholder', async () => {
    const app = await build();
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{ info: { version: string } }>();
    expect(document.info.version).toBe(packageJson.version);
    expect(document.info.version).not.toBe('0.0.0');
    await app.close();
  });
});

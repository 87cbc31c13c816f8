import { openApiGaps } from '@zc/testing';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import type { AuthDeps } from './application/deps';
import { buildApp } from './app';

// Building the document touches no dependency, so none is needed.
const build = () => buildApp({} as AuthDeps, { logger: pino({ level: 'silent' }) });

describe('auth-service OpenAPI document', () => {
  it('gives every operation an operationId, its security and its problem-details responses', async () => {
    const { app } = await build();
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<unknown>();
    const secured = (_method: string, path: string) => path.startsWith('/v1/');
    const gaps = openApiGaps(document, secured, {
      everywhere: ['500'],
      secured: ['401', '403', '429'],
      securedWrites: ['409'],
    });
    expect(gaps).toEqual([]);
    await app.close();
  });

  it('documents validation, not-found and media-type problems where they can happen', async () => {
    const { app } = await build();
    const { paths } = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    expect(Object.keys(paths['/v1/connectors']?.['post']?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '413', '415']),
    );
    expect(Object.keys(paths['/v1/connectors/{id}']?.['get']?.responses ?? {})).toContain('404');
    await app.close();
  });

  it('names the service’s own version, not a placeholder', async () => {
    const { app } = await build();
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{ info: { version: string } }>();
    expect(document.info.version).toBe(packageJson.version);
    expect(document.info.version).not.toBe('0.0.0');
    await app.close();
  });
});

import { ConflictError, IllegalStateError, RateLimitedError } from '@zc/errors';
import { afterEach } from 'vitest';
import { z } from 'zod';
import { createHttpApp, type CreateHttpAppOptions, type HttpApp } from '../create-http-app';

/**
 * An app with one route per kind of failure, shared by the http lib's own specs.
 * The caller closes it (afterEach).
 */
export async function buildFailureApp(options: Partial<CreateHttpAppOptions> = {}): Promise<HttpApp> {
  const app = await createHttpApp({ serviceName: 'test-service', logger: { level: 'silent' }, ...options });
  app.post(
    '/v1/connectors',
    {
      schema: {
        body: z.object({ name: z.string().min(1), clientId: z.string(), endpoint: z.object({ host: z.string() }) }),
      },
    },
    (request) => ({ name: request.body.name }),
  );
  app.get('/v1/conflict', () => {
    throw new IllegalStateError('Connector is not authorized yet.');
  });
  app.get('/v1/limited', () => {
    throw new RateLimitedError('Zendesk budget exhausted.', { retryAfterSeconds: 12 });
  });
  app.get('/v1/boom', () => {
    throw new Error('connect ECONNREFUSED mongodb://admin:hunter2@db:27017');
  });
  app.get(
    '/v1/bad-response',
    { schema: { response: { 200: z.object({ id: z.string() }) } } },
    () => ({ id: 1 }) as never,
  );
  app.get('/v1/items/:id', () => {
    throw new ConflictError('Version mismatch.', { cause: new Error('expected 3, got 4') });
  });
  return app;
}

/** A spec file's `build`: each call makes a failure app, closed after the test that made it. */
export function failureAppPerTest(defaults: Partial<CreateHttpAppOptions> = {}) {
  let app: HttpApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  return async (options: Partial<CreateHttpAppOptions> = {}): Promise<HttpApp> => {
    app = await buildFailureApp({ ...defaults, ...options });
    return app;
  };
}

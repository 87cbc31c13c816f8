import { ConflictError, IllegalStateError, RateLimitedError } from '@zc/errors';
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

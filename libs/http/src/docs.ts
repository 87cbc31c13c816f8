import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { documentOperation, problemDetailsJsonSchema } from './openapi-operations';

export interface DocsOptions {
  title: string;
  version: string;
  description?: string;
  /** Whether the global rate limit applies, so operations document 429. */
  rateLimited: boolean;
}

/** Must run before routes are added: @fastify/swagger collects them through onRoute. */
export const registerDocs = async (app: FastifyInstance, options: DocsOptions): Promise<void> => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: options.title,
        version: options.version,
        ...(options.description === undefined ? {} : { description: options.description }),
      },
      components: {
        securitySchemes: {
          bearerApiKey: { type: 'http', scheme: 'bearer', description: 'zck_<id>_<secret>' },
          headerApiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
        schemas: { ProblemDetails: problemDetailsJsonSchema },
      },
    },
    transform: documentOperation({ rateLimited: options.rateLimited }),
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { config: { rateLimit: false }, schema: { hide: true } }, () => app.swagger());
};

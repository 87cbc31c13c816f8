import './augment';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { RateLimitedError } from '@zc/errors';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { problemClientErrorHandler } from './client-error';
import { CORRELATION_HEADER, correlationIdFrom } from './correlation-id';
import { registerDocs } from './docs';
import { installErrorHandling } from './error-handler';
import formbody from '@fastify/formbody';
import { useJsonOnly } from './json-body';
import { createLogger, type LoggerOptions } from './logger';
import { createAppMetrics, registerMetrics } from './metrics';
import { registerProbes } from './readiness';
import { trackRouteMethods } from './route-methods';
import { rejectUnsafeUrlText } from './unsafe-text-guard';

export type HttpApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RateLimitOptions {
  /** Requests per key (API key id, else client IP) per window. */
  max: number;
  timeWindowMs: number;
  allowList?: string[];
}

export interface CreateHttpAppOptions {
  serviceName: string;
  version?: string;
  description?: string;
  /** A ready logger (shared with Kafka, say) or options for createLogger. */
  logger?: Logger | Omit<LoggerOptions, 'serviceName'>;
  bodyLimitBytes?: number;
  timeouts?: { connectionMs?: number; requestMs?: number; keepAliveMs?: number };
  /** Set when behind a proxy, so rate limits see client IPs rather than the proxy's. */
  trustProxy?: boolean | string | string[];
  rateLimit?: RateLimitOptions | false;
  docs?: boolean;
  readinessCheckTimeoutMs?: number;
  /**
   * Also accept `application/x-www-form-urlencoded` bodies: only for an app serving HTML forms to people (the
   * console, whose forms carry a CSRF token). The APIs stay JSON only.
   */
  htmlForms?: boolean;
}

const isLogger = (value: CreateHttpAppOptions['logger']): value is Logger =>
  typeof value === 'object' && typeof (value as Partial<Logger>).child === 'function';

/**
 * Builds a service's Fastify instance with everything shared: zod validation and serialization,
 * problem-details errors, redacting logs, correlation ids, probes, metrics, security headers, rate
 * limits and OpenAPI. It never listens; main.ts does. Add routes after awaiting it.
 */
export const createHttpApp = async (options: CreateHttpAppOptions): Promise<HttpApp> => {
  // Typed as Fastify's base logger so the instance matches HttpApp (pino's Logger is wider).
  const logger: FastifyBaseLogger = isLogger(options.logger)
    ? options.logger
    : createLogger({ serviceName: options.serviceName, ...options.logger });
  const app = Fastify({
    loggerInstance: logger,
    genReqId: correlationIdFrom,
    logController: new LogController({ requestIdLogLabel: 'correlationId' }),
    // Without these a slow or idle client holds a socket forever.
    connectionTimeout: options.timeouts?.connectionMs ?? 30_000,
    requestTimeout: options.timeouts?.requestMs ?? 30_000,
    // Longer than common load-balancer idle timeouts (60 s), so the LB closes first and never races us.
    keepAliveTimeout: options.timeouts?.keepAliveMs ?? 72_000,
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    trustProxy: options.trustProxy ?? false,
    // Oversized headers (a 100 KB OAuth state in the URL), timeouts and garbage get problem details too.
    clientErrorHandler: problemClientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', null);
  const allowedMethods = trackRouteMethods(app);
  useJsonOnly(app);
  if (options.htmlForms === true) await app.register(formbody);
  rejectUnsafeUrlText(app);
  app.addHook('onRequest', async (request, reply) => {
    void reply.header(CORRELATION_HEADER, request.id);
  });

  // Plugins that hook onRoute go first so they see every route added later.
  await app.register(helmet, { global: true });
  if (options.rateLimit !== false) {
    const limits = options.rateLimit ?? { max: 600, timeWindowMs: 60_000 };
    await app.register(rateLimit, {
      global: true,
      max: limits.max,
      timeWindow: limits.timeWindowMs,
      ...(limits.allowList === undefined ? {} : { allowList: limits.allowList }),
      keyGenerator: (request) => (request.principal === null ? `ip:${request.ip}` : `key:${request.principal.keyId}`),
      errorResponseBuilder: (_request, context) =>
        new RateLimitedError(`Rate limit exceeded, retry in ${context.after}.`, {
          retryAfterSeconds: Math.ceil(context.ttl / 1_000),
        }),
    });
  }
  if (options.docs !== false) {
    await registerDocs(app, {
      title: options.serviceName,
      version: options.version ?? '0.0.0',
      rateLimited: options.rateLimit !== false,
      ...(options.description === undefined ? {} : { description: options.description }),
    });
  }
  installErrorHandling(app, { rateLimitNotFound: options.rateLimit !== false, allowedMethods });
  registerProbes(app, options.readinessCheckTimeoutMs ?? 2_000);
  registerMetrics(app, createAppMetrics(options.serviceName));
  return app;
};

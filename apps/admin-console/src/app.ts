import fastifyStatic from '@fastify/static';
import { createHttpApp, type HttpApp } from '@zc/http';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { serviceApi, type ServiceUrls } from './api/service-api';
import { activityRoutes } from './http/activity-routes';
import { connectorRoutes } from './http/connector-routes';
import { toolsFactory } from './http/context';
import { installHtmlErrors } from './http/html-errors';
import { opsRoutes } from './http/ops-routes';
import { registerSessions, signedIn, toSignIn } from './http/session';
import { signInRoutes } from './http/sign-in-routes';

export interface ConsoleOptions {
  services: ServiceUrls;
  /** The redirect URL admins paste into Zendesk (the auth service's public /api/oauth/saga). */
  redirectUrl: string;
  /** Origins a form may lead to besides the console: Zendesk's consent pages (CSP form-action). */
  zendeskOrigins: string[];
  sessionSecret?: string;
  idleTtlMs: number;
  maxAgeMs: number;
  /** Secure cookies when served over https (@fastify/session's `auto` would weaken SameSite to Lax on http). */
  cookieSecure: boolean;
  trustProxy: boolean;
  pollIntervalMs: number;
  now: () => Date;
  logger?: Logger | { level?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };
  /** Page requests per client per minute; the bench turns it off. */
  rateLimitPerMinute?: number | false;
}

const ASSETS = fileURLToPath(new URL('./assets/', import.meta.url));

/**
 * Scripts and styles only from the console itself, no inline code of any kind; forms may post to the
 * console and lead to Zendesk's consent page (Connect in Zendesk is a form whose answer redirects there).
 */
const csp = (zendeskOrigins: string[]) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `form-action 'self' ${zendeskOrigins.join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');

/** The console's Fastify instance: pages over the auth and projection APIs; never listens (main.ts does). */
export async function buildConsoleApp(options: ConsoleOptions): Promise<HttpApp> {
  const app = await createHttpApp({
    serviceName: 'admin-console',
    description: 'The admins’ and SREs’ browser console over the auth and projection APIs.',
    docs: false,
    htmlForms: true,
    trustProxy: options.trustProxy,
    rateLimit:
      options.rateLimitPerMinute === false ? false : { max: options.rateLimitPerMinute ?? 600, timeWindowMs: 60_000 },
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const policy = csp(options.zendeskOrigins);
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('content-security-policy', policy).header('referrer-policy', 'same-origin');
    return payload;
  });
  await app.register(fastifyStatic, { root: ASSETS, prefix: '/assets/', maxAge: '1h' });
  await registerSessions(app, {
    secret: options.sessionSecret ?? randomBytes(32).toString('base64url'),
    idleTtlMs: options.idleTtlMs,
    maxAgeMs: options.maxAgeMs,
    secure: options.cookieSecure,
  });

  const apiFor = serviceApi(options.services);
  app.decorateRequest('consoleUser', null);
  await app.register((pages, _options, done) => {
    installHtmlErrors(pages, options.pollIntervalMs);
    signInRoutes(pages, apiFor, options.pollIntervalMs, options.now);
    done();
  });
  await app.register((pages, _options, done) => {
    installHtmlErrors(pages, options.pollIntervalMs);
    pages.addHook('preHandler', async (request, reply) => {
      request.consoleUser = signedIn(request, options.maxAgeMs, options.now().getTime());
      if (request.consoleUser === null) return toSignIn(request, reply);
      return undefined;
    });
    // Every state-changing request carries the page's CSRF token (forms post it as _csrf).
    pages.addHook('preHandler', (request, reply, done) => {
      if (request.method === 'GET' || request.method === 'HEAD') done();
      else pages.csrfProtection(request, reply, done);
    });
    const tools = toolsFactory(apiFor, options.pollIntervalMs);
    connectorRoutes(pages, { tools, redirectUrl: options.redirectUrl });
    activityRoutes(pages, tools, options.now);
    opsRoutes(pages, {
      tools,
      services: [
        { name: 'auth-service', url: options.services.auth },
        { name: 'projection-service', url: options.services.projection },
      ],
    });
    done();
  });
  return app;
}

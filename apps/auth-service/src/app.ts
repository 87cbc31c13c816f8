import { createHttpApp, type HttpApp } from '@zc/http';
import type { Logger } from 'pino';
import type { AuthDeps } from './application/deps';
import { createBackgroundTasks, type BackgroundTasks } from './http/background-tasks';
import { connectorRoutes } from './http/connector-routes';
import { oauthRoutes } from './http/oauth-routes';
import packageJson from '../package.json' with { type: 'json' };

export interface BuildAppOptions {
  logger?: Logger | { level?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };
  rateLimitPerMinute?: number;
}

export interface AuthApp {
  app: HttpApp;
  background: BackgroundTasks;
}

/** The auth service's Fastify instance from injected dependencies; never listens (main.ts does). */
export async function buildApp(deps: AuthDeps, options: BuildAppOptions = {}): Promise<AuthApp> {
  const app = await createHttpApp({
    serviceName: 'auth-service',
    version: packageJson.version,
    description:
      'Admin API of the Zendesk connector: register connectors, connect them to Zendesk (OAuth), test and disconnect them.',
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    rateLimit: { max: options.rateLimitPerMinute ?? 600, timeWindowMs: 60_000 },
  });
  const background = createBackgroundTasks(app.log);
  app.addHook('onClose', async () => background.idle());
  await app.register(oauthRoutes(deps));
  await app.register(connectorRoutes(deps, background));
  return { app, background };
}

import { apiKeyAuth, createHttpApp, type HttpApp, type RateLimitOptions, type VerifyApiKey } from '@zc/http';
import type { Logger } from 'pino';
import { registerActivityRoutes, type ActivityQueries, type ActivityRouteLimits } from './http/activity-routes';
import { registerConnectorRoutes, type ConnectorQueries } from './http/connector-routes';
import packageJson from '../package.json' with { type: 'json' };

export interface AppDeps {
  queries: ConnectorQueries & ActivityQueries;
  verifyApiKey: VerifyApiKey;
  now: () => Date;
  logger?: Logger | { level: 'silent' | 'info' | 'debug' | 'warn' | 'error' };
  readiness?: Record<string, () => Promise<boolean> | boolean>;
  /** Time limits and concurrency caps of the activity routes; defaults suit one 2-core instance. */
  activityLimits?: Partial<ActivityRouteLimits>;
  /** Monotonic milliseconds for query deadlines. */
  clock?: () => number;
  /** The per-client request limit every service has (600/min by default); benchmarks lift it. */
  rateLimit?: RateLimitOptions | false;
}

export const DEFAULT_ACTIVITY_LIMITS: ActivityRouteLimits = {
  queryTimeLimitMs: 2_000,
  exportTimeLimitMs: 300_000,
  maxConcurrent: 4,
  maxQueued: 32,
  maxExports: 2,
};

/** Builds the query API from its dependencies; never listens (main.ts does). */
export async function buildApp(deps: AppDeps): Promise<HttpApp> {
  const app = await createHttpApp({
    serviceName: 'projection-service',
    version: packageJson.version,
    description: 'Connector status, status history, activities and users, read from the MongoDB views.',
    ...(deps.logger === undefined ? {} : { logger: deps.logger }),
    ...(deps.rateLimit === undefined ? {} : { rateLimit: deps.rateLimit }),
  });
  for (const [name, check] of Object.entries(deps.readiness ?? {})) app.registerReadinessCheck(name, check);
  await app.register(async (api) => {
    await api.register(apiKeyAuth({ verify: deps.verifyApiKey }));
    const typed = api as HttpApp;
    registerConnectorRoutes(typed, deps);
    registerActivityRoutes(typed, {
      queries: deps.queries,
      limits: { ...DEFAULT_ACTIVITY_LIMITS, ...deps.activityLimits },
      clock: deps.clock ?? (() => performance.now()),
    });
  });
  return app;
}

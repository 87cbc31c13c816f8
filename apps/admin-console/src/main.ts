import { createLogger } from '@zc/http';
import { closeOnSignals } from '@zc/http';
import { buildConsoleApp } from './app';
import { loadConfig } from './config';

const config = loadConfig(process.env);
const logger = createLogger({ serviceName: 'admin-console', level: config.LOG_LEVEL });
if (config.SESSION_SECRET === undefined) {
  logger.info('SESSION_SECRET not set: a random one is used; sessions end when the console restarts');
}
// In development every <account>.zendesk.com is served by the simulator, whose consent pages live here.
const override = config.ZENDESK_HOST_OVERRIDE_URL === undefined ? null : new URL(config.ZENDESK_HOST_OVERRIDE_URL);
const zendeskOrigins = [
  'https://*.zendesk.com',
  ...(override ? [`${override.protocol}//*.zendesk.localhost:${override.port}`] : []),
];

const app = await buildConsoleApp({
  services: { auth: config.AUTH_SERVICE_URL, projection: config.PROJECTION_SERVICE_URL },
  redirectUrl: new URL('/api/oauth/saga', config.AUTH_PUBLIC_BASE_URL ?? config.AUTH_SERVICE_URL).toString(),
  zendeskOrigins,
  ...(config.SESSION_SECRET === undefined ? {} : { sessionSecret: config.SESSION_SECRET.reveal() }),
  idleTtlMs: config.SESSION_TTL,
  maxAgeMs: config.SESSION_MAX_AGE,
  cookieSecure:
    config.COOKIE_SECURE === 'auto'
      ? config.CONSOLE_PUBLIC_URL?.startsWith('https:') === true
      : config.COOKIE_SECURE === 'true',
  trustProxy: config.TRUST_PROXY === 'true',
  pollIntervalMs: config.POLL_INTERVAL,
  now: () => new Date(),
  logger,
});
closeOnSignals(app, []);
const address = await app.listen({ port: config.PORT, host: config.HOST });
logger.info({ address }, `admin-console listening on ${address}`);

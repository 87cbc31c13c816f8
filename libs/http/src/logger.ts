import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { redactSecrets, redactUrl } from './redact';

export interface LoggerOptions {
  serviceName: string;
  level?: LevelWithSilent;
  /** Where JSON lines go; stdout by default. Tests pass a stream to read them back. */
  destination?: DestinationStream;
}

/** Header paths for serializers that log raw headers; the key walk below does not see serializer output. */
const HEADER_PATHS = ['authorization', 'cookie', '"x-api-key"', '"set-cookie"', '"proxy-authorization"'].flatMap(
  (header) => [`req.headers.${header}`, `res.headers.${header}`, `headers.${header}`],
);

interface LoggedRequest {
  method: string;
  url: string;
  routeOptions?: { url?: string };
  ip?: string;
}

/**
 * The one logger factory for services: JSON lines, the service name on every line, and secrets
 * removed by key name at any depth (see redactSecrets) plus by header path.
 */
export const createLogger = (options: LoggerOptions): Logger => {
  const settings = {
    level: options.level ?? 'info',
    base: { service: options.serviceName },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: HEADER_PATHS, censor: '[redacted]' },
    formatters: {
      log: (object: Record<string, unknown>) => redactSecrets(object) as Record<string, unknown>,
    },
    serializers: {
      // Fastify's own req serializer logs the raw URL; ours hides credentials in the query string.
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        ...(request.routeOptions?.url === undefined ? {} : { route: request.routeOptions.url }),
        ...(request.ip === undefined ? {} : { remoteAddress: request.ip }),
      }),
    },
  };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
};

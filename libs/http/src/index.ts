export { createHttpApp, type CreateHttpAppOptions, type HttpApp, type RateLimitOptions } from './create-http-app';
export { createLogger, type LoggerOptions } from './logger';
export { redactSecrets, isSensitiveKey } from './redact';
export { CORRELATION_HEADER } from './correlation-id';
export { toAppError } from './error-handler';
export type { AppMetrics } from './metrics';
export type { ReadinessCheck, ReadinessReport } from './readiness';
export { apiKeyAuth, requireScopes, type ApiKeyAuthOptions, type Principal, type VerifyApiKey } from './api-key-auth';
export { closeOnSignals, type Closer, type CloseOnSignalsOptions } from './close-on-signals';

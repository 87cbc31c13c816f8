import { DEFAULT_RATE_LIMIT_PER_MINUTE, safeText } from '@zc/contracts';
import { isZendeskEndpoint } from '@zc/zendesk';
import { z } from 'zod';

// Every text field refuses control and bidi formatting characters before anything else (trim included).
const text = (max: number) =>
  safeText(z.string()).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const secret = () => safeText(z.string()).min(1, 'must not be empty').max(1000);
const rateLimit = z
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(2500, 'must be at most 2500 (Zendesk Enterprise Plus)');

export const ConnectorParams = z.strictObject({ id: z.uuid('must be a connector id (UUID)') });

export const RegisterBody = z.strictObject({
  name: text(200),
  clientId: text(200),
  clientSecret: secret(),
  endpoint: safeText(z.string())
    .max(253)
    .refine(isZendeskEndpoint, 'must be <account>.zendesk.com (no scheme, port, path, IP or other host)'),
  rateLimitPerMinute: rateLimit.default(DEFAULT_RATE_LIMIT_PER_MINUTE),
});

export const PatchBody = z
  .strictObject({ name: text(200).optional(), rateLimitPerMinute: rateLimit.optional() })
  .refine((body) => body.name !== undefined || body.rateLimitPerMinute !== undefined, {
    message: 'name or rateLimitPerMinute is required',
    path: ['rateLimitPerMinute'],
  });

export const CredentialsBody = z.strictObject({
  clientId: text(200).optional(),
  clientSecret: secret(),
});

export const RecollectBody = z.strictObject({
  from: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' }),
  to: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' }),
});

export const CallbackQuery = z.object({
  code: safeText(z.string()).max(2000).optional(),
  state: safeText(z.string()).max(500).optional(),
  error: safeText(z.string()).max(200).optional(),
  error_description: safeText(z.string()).max(2000).optional(),
});

const Check = z.object({
  name: z.string(),
  ok: z.boolean(),
  code: z.string().optional(),
  message: z.string(),
  durationMs: z.number(),
});

export const ConnectorViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  clientId: z.string(),
  endpoint: z.string(),
  subdomain: z.string(),
  rateLimitPerMinute: z.number(),
  redirectUrl: z.string(),
  state: z.enum(['registered', 'authorizing', 'authorized', 'failed', 'disconnected']),
  needsReconnect: z.boolean(),
  registeredAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  authorization: z
    .object({
      authorizedAt: z.string(),
      zendeskUser: z.object({ zendeskUserId: z.number(), email: z.string(), role: z.string() }),
      token: z.object({
        zendeskTokenId: z.number(),
        scopes: z.array(z.string()),
        expiresAt: z.string().nullable(),
        refreshable: z.boolean(),
        issuedAt: z.string(),
        rotationDue: z.boolean(),
      }),
    })
    .nullable(),
  lastFailure: z.object({ reason: z.string(), message: z.string(), at: z.string() }).nullable(),
  lastTest: z.object({ ok: z.boolean(), checks: z.array(Check), at: z.string() }).nullable(),
  lastRecollection: z.object({ from: z.string(), to: z.string(), requestedAt: z.string() }).nullable(),
  disconnected: z.object({ tokenRevoked: z.boolean(), at: z.string() }).nullable(),
  nextStep: z.string(),
});

export const AuthorizeResponse = z.object({
  connectorId: z.string(),
  authorizeUrl: z.string(),
  browserUrl: z.string(),
  expiresAt: z.string(),
  nextStep: z.string(),
});

export const TestAccepted = z.object({ testId: z.string(), status: z.literal('running'), nextStep: z.string() });

export const TestParams = ConnectorParams.extend({ testId: z.uuid('must be a test id (UUID)') });

/** A Test now as it runs: every check is pending until its result is in. */
export const ConnectionTestSchema = z.object({
  testId: z.string(),
  connectorId: z.string(),
  status: z.enum(['running', 'completed', 'interrupted']),
  /** Whether every check passed; null until the run has completed. */
  ok: z.boolean().nullable(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  checks: z.array(
    z.discriminatedUnion('state', [
      z.object({ name: z.string(), state: z.literal('pending') }),
      Check.extend({ state: z.literal('done') }),
    ]),
  ),
});

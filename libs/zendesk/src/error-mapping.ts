import { z } from 'zod';
import {
  InvalidTokenError,
  MissingScopeError,
  NotAdminError,
  PlanNotEntitledError,
  ZendeskRateLimitedError,
  TransientError,
  type ZendeskError,
  ZendeskRequestError,
} from './errors';

/** Zendesk's envelopes (reference §6): string or object `error`, or an `errors` array. */
const ErrorBodySchema = z.looseObject({
  error: z
    .union([z.string(), z.looseObject({ title: z.string().optional(), message: z.string().optional() })])
    .optional(),
  error_description: z.string().optional(),
  description: z.string().optional(),
  errors: z.array(z.looseObject({ code: z.string().optional(), detail: z.string().optional() })).optional(),
});

export interface ErrorSummary {
  readonly code: string;
  readonly message: string;
}

/** Never throws: text/plain, HTML and empty bodies summarise to their text. */
export function summariseErrorBody(text: string): ErrorSummary {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { code: 'Unknown', message: text.trim().slice(0, 200) };
  }
  const parsed = ErrorBodySchema.safeParse(json);
  if (!parsed.success) return { code: 'Unknown', message: text.slice(0, 200) };
  const body = parsed.data;
  if (typeof body.error === 'string') {
    return { code: body.error, message: body.error_description ?? body.description ?? body.error };
  }
  if (body.error) return { code: body.error.title ?? 'Error', message: body.error.message ?? '' };
  const first = body.errors?.[0];
  if (first) return { code: first.code ?? 'Error', message: first.detail ?? '' };
  return { code: 'Unknown', message: body.description ?? '' };
}

export interface MapContext {
  readonly auditLogs: boolean;
  readonly retryAfterMs: number | null;
}

const SCOPES = /missing the following required scopes:\s*(.+)$/i;

export function mapErrorResponse(status: number, text: string, context: MapContext): ZendeskError {
  const summary = summariseErrorBody(text);
  if (status === 401) return new InvalidTokenError(status);
  if (status === 429) {
    const endpoint = /incremental|export/i.test(summary.message);
    return new ZendeskRateLimitedError(context.retryAfterMs ?? 60_000, endpoint ? 'endpoint' : 'account');
  }
  if (status === 403) {
    const scopes = SCOPES.exec(summary.message);
    if (scopes?.[1]) return new MissingScopeError(scopes[1].trim().split(/\s+/));
    if (context.auditLogs) return new PlanNotEntitledError(status);
    return new NotAdminError(summary.message || 'Forbidden', status);
  }
  if (status === 404 && context.auditLogs && summary.code === 'InvalidEndpoint')
    return new PlanNotEntitledError(status);
  if (status >= 500 || status === 409) {
    return new TransientError(`Zendesk answered ${status}`, status, context.retryAfterMs);
  }
  return new ZendeskRequestError(summary.code, summary.message, status);
}

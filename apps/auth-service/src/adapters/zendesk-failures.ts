import { InvalidTokenError, NotAdminError, OAuthError, PlanNotEntitledError, RequestTimeoutError } from '@zc/zendesk';
import type { Failure } from '../application/ports/connector-provider';

// Zendesk's errors as the failures auth records and shows (its OAuth, role and plan answers).

export const PLAN_MESSAGE = 'Audit logs need Zendesk Enterprise or Enterprise Plus.';

export const notAdminMessage = (email: string | null | undefined, role: string | null | undefined): string =>
  `The Zendesk user ${email ?? '(unknown)'} is ${role === 'admin' ? 'not an active admin' : `an ${role ?? 'unknown role'}`}; a Zendesk admin must connect.`.replace(
    'an end-user',
    'an end user',
  );

/** A code-exchange failure as a person reads it, by the OAuth error Zendesk answered with. */
export function exchangeFailure(error: unknown): Failure {
  if (error instanceof OAuthError) {
    if (error.oauthError === 'invalid_client') {
      return {
        reason: 'INVALID_CLIENT',
        message: 'Zendesk refused the client ID or secret; check them (or rotate the secret) and connect again.',
      };
    }
    if (error.oauthError === 'invalid_grant') {
      return {
        reason: 'CODE_EXPIRED',
        message: 'Zendesk refused the authorization code: it expired or was already used. Start the connection again.',
      };
    }
  }
  return upstreamFailure(error);
}

export function upstreamFailure(error: unknown): Failure {
  if (error instanceof PlanNotEntitledError) return { reason: 'PLAN_NOT_SUPPORTED', message: PLAN_MESSAGE };
  if (error instanceof NotAdminError) return { reason: 'NOT_ADMIN', message: error.message };
  if (error instanceof InvalidTokenError) {
    return { reason: 'INVALID_GRANT', message: 'Zendesk no longer accepts the token; connect again.' };
  }
  if (error instanceof RequestTimeoutError) {
    return {
      reason: 'UPSTREAM_ERROR',
      message: `Zendesk did not answer within ${String(error.timeoutMs)} ms; try again.`,
    };
  }
  const detail = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
  return { reason: 'UPSTREAM_ERROR', message: `Zendesk could not be reached or answered unexpectedly (${detail}).` };
}

import type { CapabilityFailureCode } from '@zc/contracts';
import {
  InvalidTokenError,
  MalformedResponseError,
  MissingScopeError,
  NotAdminError,
  PlanNotEntitledError,
  ZendeskRateLimitedError,
  TransientError,
  ZendeskError,
} from '@zc/zendesk';

export type Failure =
  /** The token is refused: pause the connector until the auth service brings a new one. */
  | { kind: 'token'; message: string }
  /** Zendesk refuses this capability (role, plan, scope); retried slowly, users may still work. */
  | { kind: 'access'; code: CapabilityFailureCode | 'CHECK_ROLE'; message: string }
  /** Worth retrying soon; reported only if it persists. */
  | { kind: 'transient'; code: 'RATE_LIMITED' | 'UPSTREAM_ERROR'; message: string }
  /** Not Zendesk's doing (Kafka, MongoDB, a bug): retried with backoff, never reported as capability health. */
  | { kind: 'internal'; message: string };

/** What a failed call means for the capability that made it. */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof InvalidTokenError) return { kind: 'token', message: 'Zendesk refused the access token (401)' };
  // A 403 on audit logs alone cannot tell a demoted admin from a plan without audit logs; users/me can.
  if (error instanceof PlanNotEntitledError) return { kind: 'access', code: 'CHECK_ROLE', message: error.message };
  if (error instanceof NotAdminError) return { kind: 'access', code: 'ADMIN_DEMOTED', message: error.message };
  if (error instanceof MissingScopeError) return { kind: 'access', code: 'PLAN_NOT_SUPPORTED', message: error.message };
  if (error instanceof ZendeskRateLimitedError)
    return { kind: 'transient', code: 'RATE_LIMITED', message: error.message };
  if (error instanceof TransientError || error instanceof MalformedResponseError || error instanceof ZendeskError) {
    return { kind: 'transient', code: 'UPSTREAM_ERROR', message: error.message };
  }
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

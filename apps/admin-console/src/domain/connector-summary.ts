import { percent } from './status-text';

/** The few derived facts the list and the connector page both show. */
export interface BackfillLike {
  completedAt: string | null;
  users: { ratio: number | null };
  audit_logs: { ratio: number | null };
}

/** Backfill as one ratio: done once the collector says so, else the slower capability's progress. */
export function backfillRatio(backfill: BackfillLike | undefined): number | null {
  if (backfill === undefined) return null;
  if (backfill.completedAt !== null) return 1;
  const ratios = [backfill.users.ratio, backfill.audit_logs.ratio].filter((r): r is number => r !== null);
  return ratios.length === 0 ? null : Math.min(...ratios);
}

export interface TokenLike {
  expiresAt: string | null;
  refreshable: boolean;
  rotationDue: boolean;
  rotationDueAt?: string | null;
}

/** The token's state in words: when it expires or is due for rotation. */
export function tokenSummary(token: TokenLike | null | undefined): string {
  if (token === null || token === undefined) return 'no token';
  if (token.rotationDue) return 'rotation due now: reconnect to issue a new token';
  if (token.expiresAt !== null)
    return `expires ${token.expiresAt}${token.refreshable ? ' (refreshed automatically)' : ''}`;
  return token.rotationDueAt ? `never expires; rotation due ${token.rotationDueAt}` : 'never expires';
}

export interface RateLimitLike {
  perMinute: number | null;
  utilisation: number | null;
  budget: { requestsInWindow: number; limitPerWindow: number; windowMs: number; reportedAt: string } | null;
}

/**
 * The budget and its use in words (the share also as text, never a colour alone): what the collector
 * reported in its last heartbeat, or only the limit until it has.
 */
export function budgetSummary(rateLimit: RateLimitLike | undefined, fallbackPerMinute: number): string {
  const limit = `${String(rateLimit?.perMinute ?? fallbackPerMinute)} requests/min`;
  const budget = rateLimit?.budget ?? null;
  if (budget === null) return `${limit}; use not reported yet`;
  const seconds = Math.round(budget.windowMs / 1000);
  return `${percent(rateLimit?.utilisation ?? budget.requestsInWindow / budget.limitPerWindow)} used: ${String(budget.requestsInWindow)} of ${String(budget.limitPerWindow)} requests in the last ${String(seconds)} s`;
}

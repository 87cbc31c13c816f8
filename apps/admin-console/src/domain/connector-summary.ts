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

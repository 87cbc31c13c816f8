import type { TokenMetadata } from './connector-authorization';

const DAY_MS = 86_400_000;

/** Design §1.7: legacy non-expiring tokens are flagged for rotation after 6 months. */
export const DEFAULT_TOKEN_ROTATION_AGE_MS = 180 * DAY_MS;

/**
 * The rotation rule, decided once. A token without an expiry (Zendesk's legacy tokens) is due for
 * rotation `rotationAgeMs` after it was issued, whether or not it came with a refresh token, because
 * refreshing only ever replaces expiring tokens; a token that expires is refreshed before it does and
 * is never due. The auth service applies this when a token is issued (authorized or refreshed) and
 * writes the answer into the token's metadata (`rotationDueAt`), so readers take it from the event.
 */
export function tokenRotationDueAt(
  token: Pick<TokenMetadata, 'expiresAt'>,
  issuedAt: string,
  rotationAgeMs: number,
): string | null {
  return token.expiresAt === null ? new Date(Date.parse(issuedAt) + rotationAgeMs).toISOString() : null;
}

/**
 * When a token recorded in an event is due for rotation: what the event says. Events written before
 * the field existed did not carry the decision; for them the rule applies at its default age, the
 * same for every reader.
 */
export function rotationDueAtOf(
  token: Pick<TokenMetadata, 'expiresAt' | 'rotationDueAt'>,
  issuedAt: string,
): string | null {
  return token.rotationDueAt === undefined
    ? tokenRotationDueAt(token, issuedAt, DEFAULT_TOKEN_ROTATION_AGE_MS)
    : token.rotationDueAt;
}

/** True once a due time has come; never for a token that is not due at all (null). */
export const isRotationDue = (dueAt: string | null, now: string): boolean =>
  dueAt !== null && Date.parse(dueAt) <= Date.parse(now);

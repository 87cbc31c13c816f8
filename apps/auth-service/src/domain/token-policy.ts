import { isRotationDue, rotationDueAtOf } from '@zc/contracts';
import type { ConnectorState } from './connector-state';

/** Refresh when less than this share of the token's life is left... */
export const REFRESH_AT_REMAINING_SHARE = 0.25;
/** ...or less than this much time, whichever comes first. */
export const REFRESH_AT_REMAINING_MS = 5 * 60_000;

export type TokenAction = { kind: 'none' } | { kind: 'refresh' } | { kind: 'rotation_due' };

/** What the token-maintenance loop should do for a connector now. Pure: time is an input. */
export function tokenActionFor(state: ConnectorState, now: string): TokenAction {
  const token = state.token;
  if (state.status !== 'authorized' || token === null) return { kind: 'none' };
  // Whether and when a token is due for rotation was decided when it was issued (token-rotation.ts).
  if (isRotationDue(rotationDueAtOf(token.metadata, token.issuedAt), now)) {
    return token.rotationDueRaised ? { kind: 'none' } : { kind: 'rotation_due' };
  }
  if (token.metadata.expiresAt === null || !token.metadata.refreshable) return { kind: 'none' };
  const at = Date.parse(now);
  const issued = Date.parse(token.issuedAt);
  const expires = Date.parse(token.metadata.expiresAt);
  const remaining = expires - at;
  const life = Math.max(0, expires - issued);
  return remaining < REFRESH_AT_REMAINING_MS || remaining < life * REFRESH_AT_REMAINING_SHARE
    ? { kind: 'refresh' }
    : { kind: 'none' };
}

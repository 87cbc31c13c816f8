import { isRotationDue, rotationDueAtOf, type Capability } from '@zc/contracts';
import type { CapabilityHealth, ResourceProgress } from './collection-part';
import { statusInputs, type StatusView } from './status-view';

const DAY_MS = 86_400_000;

export interface TokenHealth {
  issuedAt: string;
  expiresAt: string | null;
  refreshable: boolean;
  ageDays: number;
  /** Whether the token's rotation time (decided by the auth service when it issued the token) has come. */
  rotationDue: boolean;
  rotationDueAt: string | null;
}

/** Token age and rotation need "now", so they are computed when read rather than stored. */
export function tokenHealth(view: StatusView, now: Date): TokenHealth | null {
  const token = view.connector.token;
  if (token === null) return null;
  const ageMs = Math.max(0, now.getTime() - Date.parse(token.issuedAt));
  // Views stored before the token events carried `rotationDueAt` hold null for a legacy token: the
  // contracts read such a token as its events do (the rule at its default age).
  const rotationDueAt = view.connector.rotationDueAt ?? rotationDueAtOf(token, token.issuedAt);
  return {
    issuedAt: token.issuedAt,
    expiresAt: token.expiresAt,
    refreshable: token.refreshable,
    ageDays: Math.floor(ageMs / DAY_MS),
    rotationDue: isRotationDue(rotationDueAt, now.toISOString()),
    rotationDueAt,
  };
}

/** Share (0–1) of the backfill window covered for a resource; 1 once the backfill completed. */
export function backfillRatio(view: StatusView, resource: 'users' | 'audit_logs'): number | null {
  const { backfill } = view.collection;
  if (backfill.completedAt !== null) return 1;
  if (backfill.window === null) return null;
  const from = Date.parse(backfill.window.from);
  const to = Date.parse(backfill.window.to);
  // The collector's figure when it sends one: it walks the window from both ends (live first), so the time reached
  // alone would understate it.
  // Views stored before the field existed lack it.
  const reported = (backfill[resource] as Partial<ResourceProgress>).reportedRatio ?? null;
  if (reported !== null) return reported;
  const covered = backfill[resource].coveredUntil;
  if (covered === null || to <= from) return 0;
  return Math.min(1, Math.max(0, (Date.parse(covered) - from) / (to - from)));
}

/**
 * Capability health as the status rules see it: a failure a later event superseded (a new token, a new
 * authorization, a disconnect) is no longer shown as failing but as unknown until a read proves it.
 */
export function effectiveHealth(view: StatusView): Record<Capability, CapabilityHealth> {
  const { failing } = statusInputs(view.connector, view.collection);
  const health = { ...view.collection.capabilities };
  for (const capability of ['users', 'audit_logs', 'token'] as const) {
    const current = health[capability];
    if (current.state === 'failing' && failing[capability] === undefined) {
      health[capability] = { state: 'unknown', code: null, message: null, since: null, retryAt: null };
    }
  }
  if (view.connector.lifecycle === 'disconnected') {
    // The token was revoked at disconnect: whatever it last proved no longer holds.
    health.token = {
      state: 'unknown',
      code: null,
      message: null,
      since: view.connector.lastDisconnectedAt,
      retryAt: null,
    };
  }
  return health;
}

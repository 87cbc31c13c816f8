/** What the publisher wrapper has seen: publishes in flight, and the last outcomes. */
export interface PublishingObservations {
  pending: number;
  oldestPendingSinceMs: number | null;
  lastSuccessAtMs: number | null;
  lastFailureAtMs: number | null;
  consecutiveFailures: number;
  /** Whether the last write to a dead-letter topic failed (null: none yet). */
  deadLetterFailing: boolean | null;
}

export interface PublishingHealth {
  /** ok: the last publish went through; idle: none yet; blocked: failing, or one pending too long. */
  state: 'ok' | 'idle' | 'blocked';
  pendingPublishes: number;
  oldestPendingSeconds: number | null;
  consecutiveFailures: number;
  lastSuccessAt: string | null;
  deadLetters: 'ok' | 'failing' | 'unused';
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * A failing dead-letter write blocks the consumer's partition (the message is retried, not skipped), so
 * it counts as blocked publishing too, until a later dead-letter write succeeds.
 *
 * Kafka unreachable shows first as a publish that does not return (the client retries inside), then as
 * failures: either one is "blocked", so the collector says so before the client gives up.
 */
export function publishingHealth(
  seen: PublishingObservations,
  nowMs: number,
  blockedAfterMs: number,
): PublishingHealth {
  const pendingMs = seen.oldestPendingSinceMs === null ? null : Math.max(0, nowMs - seen.oldestPendingSinceMs);
  const failingSinceSuccess =
    seen.lastFailureAtMs !== null && (seen.lastSuccessAtMs === null || seen.lastFailureAtMs > seen.lastSuccessAtMs);
  const stuck = pendingMs !== null && pendingMs > blockedAfterMs;
  const deadLetters = seen.deadLetterFailing === null ? 'unused' : seen.deadLetterFailing ? 'failing' : 'ok';
  const blocked = failingSinceSuccess || stuck || deadLetters === 'failing';
  const state = blocked ? 'blocked' : seen.lastSuccessAtMs === null ? 'idle' : 'ok';
  return {
    state,
    pendingPublishes: seen.pending,
    oldestPendingSeconds: pendingMs === null ? null : Math.round(pendingMs / 100) / 10,
    consecutiveFailures: seen.consecutiveFailures,
    lastSuccessAt: iso(seen.lastSuccessAtMs),
    deadLetters,
  };
}

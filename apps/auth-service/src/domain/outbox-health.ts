/** What the outbox relay has not yet published: events waiting, and the age of the oldest. */
export interface OutboxBacklog {
  events: number;
  oldestAgeMs: number | undefined;
}

export interface OutboxHealth {
  /** publishing: nothing waits; waiting: a backlog younger than the threshold (a blip); stuck: older. */
  state: 'publishing' | 'waiting' | 'stuck';
  ready: boolean;
  waitingEvents: number;
  oldestWaitingSeconds: number | null;
}

/**
 * Readiness flips only once the oldest unpublished event is older than `stuckAfterMs`: a short broker
 * blip delays admins' commands without taking the service out of rotation, a real outage does not hide.
 */
export function outboxHealth(backlog: OutboxBacklog, stuckAfterMs: number): OutboxHealth {
  const age = backlog.events === 0 ? undefined : backlog.oldestAgeMs;
  const oldestWaitingSeconds = age === undefined ? null : Math.round(age / 100) / 10;
  if (age === undefined) return { state: 'publishing', ready: true, waitingEvents: 0, oldestWaitingSeconds };
  const stuck = age > stuckAfterMs;
  return {
    state: stuck ? 'stuck' : 'waiting',
    ready: !stuck,
    waitingEvents: backlog.events,
    oldestWaitingSeconds,
  };
}

import type { AppMetrics } from '@zc/http';
import type { Publisher } from '@zc/kafka';
import type { PublishingHealth, PublishingObservations } from '../domain/publishing-health';

export interface PublishingMonitor {
  /** The same publisher, observed: every publish is timed and its outcome recorded. */
  readonly publisher: Publisher;
  observations(): PublishingObservations;
  /** Publishes that failed since start (after the client's own retries). */
  failuresTotal(): number;
  /** The consumer's dead-letter writes go through their own producer; their outcome is reported here. */
  deadLetterWritten(ok: boolean): void;
}

/** Watches the collector's one publisher; everything the collector sends to Kafka goes through it. */
export function monitorPublishing(publisher: Publisher, now: () => number): PublishingMonitor {
  const pending = new Map<number, number>();
  let next = 0;
  let lastSuccessAtMs: number | null = null;
  let lastFailureAtMs: number | null = null;
  let consecutiveFailures = 0;
  let failuresTotal = 0;
  let deadLetterFailing: boolean | null = null;
  return {
    deadLetterWritten: (ok) => {
      deadLetterFailing = !ok;
    },
    publisher: {
      connect: () => publisher.connect(),
      disconnect: () => publisher.disconnect(),
      async publish(topic, messages) {
        const id = next++;
        pending.set(id, now());
        try {
          await publisher.publish(topic, messages);
          lastSuccessAtMs = now();
          consecutiveFailures = 0;
        } catch (error) {
          lastFailureAtMs = now();
          consecutiveFailures += 1;
          failuresTotal += 1;
          throw error;
        } finally {
          pending.delete(id);
        }
      },
    },
    failuresTotal: () => failuresTotal,
    observations: () => ({
      pending: pending.size,
      // Map iteration follows insertion order: the first entry is the oldest publish in flight.
      oldestPendingSinceMs: pending.values().next().value ?? null,
      lastSuccessAtMs,
      lastFailureAtMs,
      consecutiveFailures,
      deadLetterFailing,
    }),
  };
}

/** Metrics beside the readiness detail: blocked (0/1), publishes in flight and their age, failures. */
export function registerPublishingMetrics(
  metrics: AppMetrics,
  monitor: PublishingMonitor,
  health: () => PublishingHealth,
): void {
  metrics.gauge({
    name: 'zc_publishing_blocked',
    help: '1 while the collector cannot publish to Kafka (failing, or a publish pending too long)',
    collect() {
      this.set(health().state === 'blocked' ? 1 : 0);
    },
  });
  metrics.gauge({
    name: 'zc_publishing_oldest_pending_seconds',
    help: 'Age of the oldest publish to Kafka still in flight (0 when none)',
    collect() {
      this.set(health().oldestPendingSeconds ?? 0);
    },
  });
  metrics.gauge({
    name: 'zc_publishing_pending',
    help: 'Publishes to Kafka in flight',
    collect() {
      this.set(monitor.observations().pending);
    },
  });
  metrics.counter({
    name: 'zc_publish_failures_total',
    help: 'Publishes to Kafka that failed after the client retried',
    collect() {
      // Counted by the monitor; set at scrape so the count never depends on wiring order.
      this.reset();
      this.inc(monitor.failuresTotal());
    },
  });
}

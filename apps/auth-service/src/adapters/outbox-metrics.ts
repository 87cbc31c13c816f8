import type { HttpApp } from '@zc/http';
import type { OutboxRelay } from '@zc/event-store';
import { outboxHealth } from '../domain/outbox-health';

/**
 * Outbox lag on every scrape: appended connector events not yet on Kafka, and the age of the oldest.
 * A growing value means admins' commands are recorded but not reaching the collector.
 */
export function registerOutboxMetrics(app: HttpApp, relay: Pick<OutboxRelay, 'lag'>): void {
  const read = () => relay.lag();
  app.metrics.gauge({
    name: 'zc_outbox_lag_events',
    help: 'Connector events appended to the event store and not yet published to Kafka',
    async collect() {
      this.set((await read()).events);
    },
  });
  app.metrics.gauge({
    name: 'zc_outbox_oldest_unpublished_age_seconds',
    help: 'Age of the oldest connector event not yet published to Kafka (0 when none)',
    async collect() {
      this.set(((await read()).oldestAgeMs ?? 0) / 1_000);
    },
  });
}

/** /readyz reports the outbox's state (publishing, or N events waiting for how long); not ready once stuck. */
export function registerOutboxReadiness(app: HttpApp, relay: Pick<OutboxRelay, 'lag'>, stuckAfterMs: number): void {
  app.registerReadinessCheck('outbox', async () => {
    const { ready, ...detail } = outboxHealth(await relay.lag(), stuckAfterMs);
    return { ready, detail };
  });
}

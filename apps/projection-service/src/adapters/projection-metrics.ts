import type { AppMetrics } from '@zc/http';
import type { ActivityDoc } from '../domain/activity-view';
import { CONNECTOR_STATUSES } from '../domain/status-rules';
import type { StatusDocument } from './status-store';

/** Buckets from docker/prometheus/METRICS.md. */
const FRESHNESS_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

/**
 * The projection's metrics (docker/prometheus/METRICS.md). Status gauges are read from the view at
 * scrape time, so every instance reports the same values and a restart loses nothing.
 */
export function projectionMetrics(metrics: AppMetrics, readStatuses: () => Promise<StatusDocument[]>) {
  let snapshot: Promise<StatusDocument[]> | undefined;
  // Both gauges are collected in one scrape; one read serves both.
  const statuses = () => {
    snapshot ??= readStatuses().finally(() => setTimeout(() => (snapshot = undefined), 0));
    return snapshot;
  };

  metrics.gauge({
    name: 'zc_connector_status',
    help: '1 for the connector’s current status, 0 for the others',
    labelNames: ['connector_id', 'status'],
    async collect() {
      this.reset();
      for (const doc of await statuses()) {
        if (doc.connector === undefined) continue;
        for (const status of CONNECTOR_STATUSES)
          this.set({ connector_id: doc._id, status }, doc.status === status ? 1 : 0);
      }
    },
  });

  metrics.gauge({
    name: 'zc_connector_last_activity_timestamp_seconds',
    help: 'Unix time the last audit-log activity of the connector was collected, as seen by the projection',
    labelNames: ['connector_id'],
    async collect() {
      this.reset();
      for (const doc of await statuses()) {
        const at = doc.lastActivityCollectedAt;
        if (at) this.set({ connector_id: doc._id }, Date.parse(at) / 1_000);
      }
    },
  });

  const freshness = metrics.histogram({
    name: 'zc_activity_freshness_seconds',
    help: 'Zendesk created_at to the activity written to the view, once per new activity',
    labelNames: ['stage'],
    buckets: FRESHNESS_BUCKETS,
  });

  return {
    observeInserted(docs: readonly ActivityDoc[], writtenAt: Date): void {
      for (const doc of docs) {
        freshness.observe({ stage: 'project' }, Math.max(0, (writtenAt.getTime() - doc.occurredAt.getTime()) / 1_000));
      }
    },
  };
}

import type { AppMetrics } from '@zc/http';
import type { ActivityDoc } from '../domain/activity-view';
import { CONNECTOR_STATUSES } from '../domain/status-rules';
import type { StatusDocument } from '../domain/status-document';

/** Buckets from docker/prometheus/METRICS.md. */
const FRESHNESS_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
/** Backfilled items are up to the 7-day window old when they land: hours and days, not seconds. */
const BACKFILL_AGE_BUCKETS = [60, 600, 3600, 6 * 3600, 86_400, 2 * 86_400, 4 * 86_400, 7 * 86_400, 8 * 86_400];

/** When a connector's backfill window ends (its connection), ms; null while not known yet. */
export type BackfillEndOf = (connectorId: string) => Promise<number | null>;

/**
 * The projection's metrics (docker/prometheus/METRICS.md). Status gauges are read from the view at
 * scrape time, so every instance reports the same values and a restart loses nothing.
 */
export function projectionMetrics(
  metrics: AppMetrics,
  readStatuses: () => Promise<StatusDocument[]>,
  backfillEndOf: BackfillEndOf = () => Promise.resolve(null),
) {
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
    help: 'Zendesk created_at to the activity written to the view, once per new live activity (backfill apart)',
    labelNames: ['stage'],
    buckets: FRESHNESS_BUCKETS,
  });
  const backfillAge = metrics.histogram({
    name: 'zc_backfill_activity_age_seconds',
    help: 'Zendesk created_at to the activity written to the view, once per new backfilled activity',
    labelNames: ['stage'],
    buckets: BACKFILL_AGE_BUCKETS,
  });

  // Both series exist from the start (at 0), so a dashboard sees "no live activity yet" rather than nothing.
  freshness.zero({ stage: 'project' });
  backfillAge.zero({ stage: 'project' });

  /** Live means created after the connection: a backfilled item's age says nothing about freshness. */
  const isBackfilled = async (doc: ActivityDoc) => {
    for (const connectorId of doc.connectorIds) {
      const end = await backfillEndOf(connectorId);
      if (end !== null && doc.occurredAt.getTime() < end) return true;
    }
    return false;
  };

  return {
    async observeInserted(docs: readonly ActivityDoc[], writtenAt: Date): Promise<void> {
      for (const doc of docs) {
        const seconds = Math.max(0, (writtenAt.getTime() - doc.occurredAt.getTime()) / 1_000);
        const histogram = (await isBackfilled(doc).catch(() => false)) ? backfillAge : freshness;
        histogram.observe({ stage: 'project' }, seconds);
      }
    },
  };
}

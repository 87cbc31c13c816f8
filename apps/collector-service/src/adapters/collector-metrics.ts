import type { AppMetrics } from '@zc/http';
import type { CollectorMetrics } from '../application/ports';

/** Route templates, never raw paths: ids in paths would explode label cardinality. */
export function endpointTemplate(path: string): string {
  return path
    .replace(/\.json$/, '')
    .replace(/\/\d+(?=\/|$)/g, '/:id')
    .replace(/^\/api\/v2/, '');
}

export function createCollectorMetrics(metrics: AppMetrics): CollectorMetrics {
  const requests = metrics.counter({
    name: 'zc_zendesk_requests_total',
    help: 'Zendesk API calls by connector, route template and response status',
    labelNames: ['connector_id', 'endpoint', 'status'],
  });
  const utilization = metrics.gauge({
    name: 'zc_zendesk_budget_utilization_ratio',
    help: "Share of the connector's budget used in the current window",
    labelNames: ['connector_id', 'bucket'],
  });
  const progress = metrics.gauge({
    name: 'zc_backfill_progress_ratio',
    help: 'Share of the backfill window covered, per capability',
    labelNames: ['connector_id', 'capability'],
  });
  const freshness = metrics.histogram({
    name: 'zc_activity_freshness_seconds',
    help: 'Zendesk created_at to published, at the collect stage',
    labelNames: ['stage'],
    buckets: [1, 5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200],
  });
  const last = metrics.gauge({
    name: 'zc_connector_last_activity_timestamp_seconds',
    help: 'Unix time the collector last received an audit-log activity for the connector',
    labelNames: ['connector_id'],
  });
  const threshold = metrics.gauge({
    name: 'zc_connector_inactivity_threshold_seconds',
    help: 'Quiet period after which no activity alerts',
    labelNames: ['connector_id'],
  });
  return {
    request: (connectorId, endpoint, status) =>
      requests.inc({ connector_id: connectorId, endpoint: endpointTemplate(endpoint), status: String(status) }),
    budgetUtilization: (connectorId, bucket, ratio) => utilization.set({ connector_id: connectorId, bucket }, ratio),
    backfillProgress: (connectorId, capability, ratio) =>
      progress.set({ connector_id: connectorId, capability }, ratio),
    freshness: (seconds) => freshness.observe({ stage: 'collect' }, Math.max(0, seconds)),
    lastActivity: (connectorId, epochSeconds, thresholdSeconds) => {
      last.set({ connector_id: connectorId }, epochSeconds);
      threshold.set({ connector_id: connectorId }, thresholdSeconds);
    },
    forget: (connectorId) => {
      // An instance that no longer owns a connector stops exporting its per-owner gauges.
      last.remove({ connector_id: connectorId });
      threshold.remove({ connector_id: connectorId });
      for (const bucket of ['api', 'incremental_export']) utilization.remove({ connector_id: connectorId, bucket });
    },
  };
}

export const noopMetrics: CollectorMetrics = {
  request: () => undefined,
  budgetUtilization: () => undefined,
  backfillProgress: () => undefined,
  freshness: () => undefined,
  lastActivity: () => undefined,
  forget: () => undefined,
};

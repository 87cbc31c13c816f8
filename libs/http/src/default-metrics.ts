import { collectDefaultMetrics, type Registry } from 'prom-client';

/**
 * prom-client's Node.js gauges whose names end in `_total`, which Prometheus reserves for counters
 * (`promtool check metrics` fails on them). Each is the sum of the per-type gauge beside it
 * (`nodejs_active_handles{type}` ...), so `sum(nodejs_active_handles)` gives the same figure.
 */
const GAUGES_NAMED_LIKE_COUNTERS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/** prom-client's default process and Node.js metrics, minus the ones that break Prometheus naming rules. */
export const collectStandardDefaultMetrics = (registry: Registry): void => {
  collectDefaultMetrics({ register: registry });
  for (const name of GAUGES_NAMED_LIKE_COUNTERS) registry.removeSingleMetric(name);
};

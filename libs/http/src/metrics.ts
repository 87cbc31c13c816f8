import type { FastifyInstance } from 'fastify';
import {
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';
import { collectStandardDefaultMetrics } from './default-metrics';

type Unregistered<C> = Omit<C, 'registers'>;

/** Metrics bound to one app's registry, so tests and co-hosted apps never share global state. */
export interface AppMetrics {
  readonly registry: Registry;
  counter<L extends string>(config: Unregistered<CounterConfiguration<L>>): Counter<L>;
  gauge<L extends string>(config: Unregistered<GaugeConfiguration<L>>): Gauge<L>;
  histogram<L extends string>(config: Unregistered<HistogramConfiguration<L>>): Histogram<L>;
}

export const createAppMetrics = (serviceName: string): AppMetrics => {
  const registry = new Registry();
  registry.setDefaultLabels({ service: serviceName });
  collectStandardDefaultMetrics(registry);
  return {
    registry,
    counter: (config) => new Counter({ ...config, registers: [registry] }),
    gauge: (config) => new Gauge({ ...config, registers: [registry] }),
    histogram: (config) => new Histogram({ ...config, registers: [registry] }),
  };
};

/** Adds the request-duration histogram and GET /metrics. */
export const registerMetrics = (app: FastifyInstance, metrics: AppMetrics): void => {
  const duration = metrics.histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template, method and status code',
    labelNames: ['route', 'method', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  app.decorate('metrics', metrics);
  app.addHook('onResponse', async (request, reply) => {
    // The route template, never the raw URL: ids in paths would explode label cardinality.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe(
      { route, method: request.method, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1_000,
    );
  });
  app.get(
    '/metrics',
    { config: { rateLimit: false }, schema: { tags: ['ops'], hide: true } },
    async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
};

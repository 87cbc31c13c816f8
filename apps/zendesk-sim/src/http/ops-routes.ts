import type { FastifyInstance } from 'fastify';
import { collectStandardDefaultMetrics } from '@zc/http';
import { Histogram, Registry } from 'prom-client';

/**
 * Probes and Prometheus metrics for operators. They live under `/_sim/` like the rest of the control
 * surface, because every other path belongs to the Zendesk being simulated.
 */
export function opsRoutes(app: FastifyInstance): void {
  // A registry per simulator, so tests that build many never share prom-client's global state.
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'zendesk-sim' });
  collectStandardDefaultMetrics(registry);
  // Named and bucketed like the other services' (libs/http), so one dashboard query covers the sim too.
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template, method and status code',
    labelNames: ['route', 'method', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route template, never the raw URL: ids and unknown paths would explode label cardinality.
    const labels = { route: request.routeOptions.url ?? 'unmatched', method: request.method };
    duration.observe({ ...labels, status_code: String(reply.statusCode) }, reply.elapsedTime / 1_000);
  });

  app.get('/_sim/healthz', () => ({ status: 'ok' }));
  // Everything is in memory and seeded before listen, so a simulator that answers is ready.
  app.get('/_sim/readyz', () => ({ status: 'ready', checks: [] }));
  app.get('/_sim/metrics', async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()));
}

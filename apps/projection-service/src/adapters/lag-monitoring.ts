import type { HttpApp } from '@zc/http';
import { connectClusterAdmin, type KafkaClient, type KafkaLogger } from '@zc/kafka';
import { LagSampler, lagRoutes, registerLagMetrics } from '@zc/lag-sampler';

/**
 * SREs read consumer lag from the query service: `GET /v1/lag`, the kafka_consumergroup_* gauges on
 * /metrics and `npm run lag`. Groups stay reported after their consumers stop.
 */
export async function startLagMonitoring(
  app: HttpApp,
  client: KafkaClient,
  groups: string[],
  intervalMs: number,
  logger: KafkaLogger,
): Promise<{ stop(): Promise<void> }> {
  const cluster = await connectClusterAdmin(client);
  const sampler = new LagSampler({ cluster, groups: [...new Set(groups)], intervalMs, logger });
  registerLagMetrics(app.metrics.registry, sampler);
  await app.register(lagRoutes, { sampler });
  sampler.start();
  return {
    async stop() {
      await sampler.stop();
      await cluster.disconnect();
    },
  };
}

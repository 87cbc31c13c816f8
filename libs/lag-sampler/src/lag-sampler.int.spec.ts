import { createHttpApp, type HttpApp } from '@zc/http';
import {
  connectClusterAdmin,
  createKafkaClient,
  createPublisher,
  ensureTopics,
  silentLogger,
  type ClusterAdmin,
} from '@zc/kafka';
import type { LagGroupReport } from '@zc/lag-monitor';
import { uniqueName, waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerLagMetrics } from './lag-metrics';
import { lagRoutes } from './lag-routes';
import { LagSampler } from './lag-sampler';
import { countingConsumer, message, steadyProducer } from './testing/kafka-fixture';

describe('LagSampler against the broker', () => {
  const client = createKafkaClient({
    brokers: inject('kafkaBrokers'),
    clientId: 'lag-sampler-spec',
    logger: silentLogger,
  });
  const idleTopic = uniqueName(import.meta.url, 'idle');
  const busyTopic = uniqueName(import.meta.url, 'busy');
  const idleGroup = uniqueName(import.meta.url, 'idle-group');
  const busyGroup = uniqueName(import.meta.url, 'busy-group');
  const neverGroup = uniqueName(import.meta.url, 'never');
  // A short poll and a 3-commit window make Burrow's rules fire within about a second.
  let cluster: ClusterAdmin;
  let sampler: LagSampler;
  let app: HttpApp;
  const group = (id: string): LagGroupReport | undefined => sampler.report(id).groups[0];
  const samplesAfter = async (extra: number) => {
    const target = sampler.samples + extra;
    await waitFor(() => sampler.samples >= target, { description: `${String(extra)} more samples` });
  };

  beforeAll(async () => {
    cluster = await connectClusterAdmin(client);
    sampler = new LagSampler({
      cluster,
      groups: [idleGroup, busyGroup],
      extraGroups: [neverGroup],
      intervalMs: 150,
      window: { intervals: 3 },
    });
    await ensureTopics(client, [
      { name: idleTopic, partitions: 2 },
      { name: busyTopic, partitions: 3 },
    ]);
    app = await createHttpApp({ serviceName: 'lag-sampler-spec', logger: { level: 'silent' }, docs: false });
    registerLagMetrics(app.metrics.registry, sampler);
    await app.register(lagRoutes, { sampler });
    await app.ready();
  });
  afterAll(async () => {
    await sampler.stop();
    await app.close();
    await cluster.disconnect();
  });

  it('reports an idle, caught-up group as OK with zero lag, the empty partition included', async () => {
    const publisher = createPublisher(client);
    await publisher.connect();
    // One key, so one of the two partitions stays empty: it must not read as lag.
    await publisher.publish(
      idleTopic,
      [0, 1, 2, 3, 4].map((n) => message('same-key', n)),
    );
    await publisher.disconnect();
    const { state, runner } = await countingConsumer(client, idleGroup, idleTopic);
    await waitFor(() => state.consumed === 5, { description: 'idle topic consumed' });
    await runner.stop();

    sampler.start();
    await samplesAfter(4);
    expect(group(idleGroup)).toMatchObject({ status: 'OK', totalLag: 0, maxLagSeconds: 0 });
    expect(group(idleGroup)?.partitions.map((p) => [p.status, p.lag])).toEqual([
      ['OK', 0],
      ['OK', 0],
    ]);
    expect(sampler.notFoundGroups()).toEqual(expect.arrayContaining([neverGroup]));
  });

  it('shows rising lag and STOP or STALL when the consumer stops under load, then OK after catching up', async () => {
    const first = await countingConsumer(client, busyGroup, busyTopic);
    const producer = steadyProducer(client, busyTopic);
    try {
      await waitFor(() => first.state.consumed >= 10 && group(busyGroup)?.partitions.length === 3, {
        description: 'busy group consuming and sampled',
      });
      await first.runner.stop();

      const lagAt = await waitFor(() => group(busyGroup)?.totalLag, { description: 'some lag' });
      const stopped = await waitFor(
        () => {
          const g = group(busyGroup);
          return g?.status === 'ERR' &&
            g.totalLag > lagAt &&
            g.partitions.some((p) => ['STOP', 'STALL'].includes(p.status))
            ? g
            : undefined;
        },
        { timeoutMs: 20_000, description: 'ERR with rising lag' },
      );
      expect(stopped.maxLagSeconds).toBeGreaterThan(0);
    } finally {
      await producer.stop();
    }

    const resumed = await countingConsumer(client, busyGroup, busyTopic);
    try {
      await waitFor(() => group(busyGroup)?.status === 'OK' && group(busyGroup)?.totalLag === 0, {
        timeoutMs: 30_000,
        description: 'busy group caught up and OK',
      });
    } finally {
      await resumed.runner.stop();
    }
  });

  it('serves the same report on /v1/lag and the gauges on /metrics', async () => {
    await sampler.stop();
    const all = await app.inject({ method: 'GET', url: '/v1/lag' });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual(sampler.report());

    const one = await app.inject({ method: 'GET', url: `/v1/lag?group=${busyGroup}` });
    expect(one.json()).toEqual(sampler.report(busyGroup));
    const missing = await app.inject({ method: 'GET', url: `/v1/lag?group=${neverGroup}` });
    expect(missing.statusCode).toBe(404);

    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    for (const name of [
      'kafka_consumergroup_lag{',
      'kafka_consumergroup_lag_seconds{',
      'kafka_consumergroup_status{',
      'kafka_consumergroup_group_lag{',
      'kafka_consumergroup_group_max_lag_seconds{',
      'zc_lag_monitor_last_success_timestamp_seconds{',
    ]) {
      expect(metrics).toContain(name);
    }
    expect(metrics).toMatch(new RegExp(`kafka_consumergroup_group_status_code\\{group="${idleGroup}"[^}]*\\} 1`));
    expect(metrics).toMatch(new RegExp(`kafka_consumergroup_group_status_code\\{group="${neverGroup}"[^}]*\\} 0`));
  });
});

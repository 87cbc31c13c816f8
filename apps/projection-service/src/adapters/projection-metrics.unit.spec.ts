import type { AppMetrics } from '@zc/http';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { ActivityDoc } from '../domain/activity-view';
import { projectionMetrics } from './projection-metrics';

const appMetrics = (): AppMetrics => {
  const registry = new Registry();
  return {
    registry,
    counter: (config) => new Counter({ ...config, registers: [registry] }),
    gauge: (config) => new Gauge({ ...config, registers: [registry] }),
    histogram: (config) => new Histogram({ ...config, registers: [registry] }),
  };
};

const CONNECTED_AT = Date.UTC(2024, 4, 8);
const activity = (occurredAt: number): ActivityDoc => ({
  _id: `zd:acme:${String(occurredAt)}`,
  connectorIds: ['c1'],
  account: 'acme',
  auditLogId: occurredAt,
  occurredAt: new Date(occurredAt),
  collectedAt: new Date(occurredAt),
  actor: { id: 1, name: 'Ada', type: 'user' },
  action: 'login',
  actionLabel: 'Logged in',
  source: { type: 'user', id: 1, label: 'Ada' },
  description: '',
  ipAddress: null,
  rawJson: '{}',
});

const count = async (metrics: AppMetrics, name: string) => {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  // Histogram samples carry their series name (…_count) beside the labels; the type omits it.
  const sample = metric?.values.find((v) => (v as { metricName?: string }).metricName === `${name}_count`);
  return sample?.value;
};

describe('activity freshness', () => {
  it('measures live collection only; backfilled items go to their own series', async () => {
    const metrics = appMetrics();
    const observer = projectionMetrics(
      metrics,
      () => Promise.resolve([]),
      () => Promise.resolve(CONNECTED_AT),
    );
    const writtenAt = new Date(CONNECTED_AT + 60_000);
    await observer.observeInserted(
      [activity(CONNECTED_AT - 3 * 86_400_000), activity(CONNECTED_AT - 1_000), activity(CONNECTED_AT + 50_000)],
      writtenAt,
    );
    expect(await count(metrics, 'zc_activity_freshness_seconds')).toBe(1);
    expect(await count(metrics, 'zc_backfill_activity_age_seconds')).toBe(2);
  });

  it('counts an item as live while its connector’s backfill window is unknown, and shows both series at 0', async () => {
    const metrics = appMetrics();
    const observer = projectionMetrics(metrics, () => Promise.resolve([]));
    expect(await count(metrics, 'zc_activity_freshness_seconds')).toBe(0);
    expect(await count(metrics, 'zc_backfill_activity_age_seconds')).toBe(0);
    await observer.observeInserted([activity(CONNECTED_AT)], new Date(CONNECTED_AT + 1_000));
    expect(await count(metrics, 'zc_activity_freshness_seconds')).toBe(1);
  });
});

import type { LagReport } from '@zc/lag-monitor';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { registerLagMetrics } from './lag-metrics';

const at = '2026-03-01T12:00:00.000Z';
const stopped: LagReport = {
  evaluatedAt: at,
  groups: [
    {
      group: 'projection-service',
      status: 'ERR',
      totalLag: 7,
      maxLag: 5,
      maxLagSeconds: 12.5,
      complete: 1,
      evaluatedAt: at,
      partitions: [
        {
          topic: 'a',
          partition: 0,
          committedOffset: 3,
          highWatermark: 8,
          lag: 5,
          lagSeconds: 12.5,
          status: 'STOP',
          complete: 1,
        },
        {
          topic: 'a',
          partition: 1,
          committedOffset: 1,
          highWatermark: 3,
          lag: 2,
          lagSeconds: 4,
          status: 'STOP',
          complete: 1,
        },
      ],
    },
  ],
};

describe('registerLagMetrics', () => {
  it('exports the METRICS.md families from the latest report at scrape time', async () => {
    const registry = new Registry();
    let current = stopped;
    registerLagMetrics(registry, {
      report: () => current,
      notFoundGroups: () => ['never-committed'],
      lastSuccess: () => new Map([['projection-service', 1_772_366_400_000]]),
    });

    const text = await registry.metrics();
    expect(text).toContain('kafka_consumergroup_lag{group="projection-service",topic="a",partition="0"} 5');
    expect(text).toContain('kafka_consumergroup_lag_seconds{group="projection-service",topic="a",partition="0"} 12.5');
    expect(text).toContain(
      'kafka_consumergroup_status{group="projection-service",topic="a",partition="1",status="STOP"} 1',
    );
    expect(text).toContain(
      'kafka_consumergroup_status{group="projection-service",topic="a",partition="1",status="OK"} 0',
    );
    expect(text).toContain('kafka_consumergroup_group_lag{group="projection-service"} 7');
    expect(text).toContain('kafka_consumergroup_group_max_lag_seconds{group="projection-service"} 12.5');
    expect(text).toContain('kafka_consumergroup_group_status_code{group="projection-service"} 4');
    expect(text).toContain('kafka_consumergroup_group_status_code{group="never-committed"} 0');
    expect(text).toContain('zc_lag_monitor_last_success_timestamp_seconds{group="projection-service"} 1772366400');

    // A new report replaces every series: nothing of the old one lingers.
    current = { evaluatedAt: at, groups: [] };
    const after = await registry.metrics();
    expect(after).not.toContain('kafka_consumergroup_lag{');
    expect(after).not.toContain('group_status_code{group="projection-service"}');
  });
});

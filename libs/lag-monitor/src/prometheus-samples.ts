import type { LagReport } from './lag-report';
import { GROUP_STATUSES, PARTITION_STATUSES } from './status';

/** One Prometheus sample; another layer registers the families with prom-client. */
export interface PrometheusSample {
  name: string;
  labels: Readonly<Record<string, string>>;
  value: number;
}

/** kafka_exporter / kafka-lag-exporter family names, so existing dashboards and alerts carry over. */
export const LAG_METRICS = {
  lag: 'kafka_consumergroup_lag',
  lagSeconds: 'kafka_consumergroup_lag_seconds',
  groupLag: 'kafka_consumergroup_group_lag',
  groupMaxLag: 'kafka_consumergroup_group_max_lag',
  groupMaxLagSeconds: 'kafka_consumergroup_group_max_lag_seconds',
  status: 'kafka_consumergroup_status',
  groupStatus: 'kafka_consumergroup_group_status',
} as const;

/**
 * Flattens a report into samples. Status is one series per possible status (1 for the current one, 0 for
 * the others) so an alert is a plain `== 1` without thresholds, and a status change never leaves a stale
 * series behind.
 */
export function toPrometheusSamples(report: LagReport): PrometheusSample[] {
  return report.groups.flatMap((g) => {
    const group = { group: g.group };
    const partitionSamples = g.partitions.flatMap((p) => {
      const labels = { group: g.group, topic: p.topic, partition: String(p.partition) };
      return [
        { name: LAG_METRICS.lag, labels, value: p.lag },
        { name: LAG_METRICS.lagSeconds, labels, value: p.lagSeconds },
        ...PARTITION_STATUSES.map((status) => ({
          name: LAG_METRICS.status,
          labels: { ...labels, status },
          value: status === p.status ? 1 : 0,
        })),
      ];
    });
    return [
      ...partitionSamples,
      { name: LAG_METRICS.groupLag, labels: group, value: g.totalLag },
      { name: LAG_METRICS.groupMaxLag, labels: group, value: g.maxLag },
      { name: LAG_METRICS.groupMaxLagSeconds, labels: group, value: g.maxLagSeconds },
      ...GROUP_STATUSES.map((status) => ({
        name: LAG_METRICS.groupStatus,
        labels: { ...group, status },
        value: status === g.status ? 1 : 0,
      })),
    ];
  });
}

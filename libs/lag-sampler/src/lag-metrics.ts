import { LAG_METRICS, toPrometheusSamples, type LagReport, type PrometheusSample } from '@zc/lag-monitor';
import { Gauge, type Registry } from 'prom-client';
import { groupStatusCode, BURROW_STATUS_CODES } from './burrow-codes';

/** What the gauges read at scrape time; a LagSampler fits. */
export interface LagMetricsSource {
  report(): LagReport;
  notFoundGroups(): string[];
  lastSuccess(): ReadonlyMap<string, number>;
}

export const LAG_SAMPLER_METRICS = {
  ...LAG_METRICS,
  groupStatusCode: 'kafka_consumergroup_group_status_code',
  lastSuccess: 'zc_lag_monitor_last_success_timestamp_seconds',
} as const;

const PARTITION = ['group', 'topic', 'partition'] as const;

/** Families copied from the lag-monitor samples, named and labelled as docker/prometheus/METRICS.md says. */
const FROM_SAMPLES = [
  { name: LAG_METRICS.lag, labels: PARTITION, help: 'High watermark minus committed offset, in messages' },
  {
    name: LAG_METRICS.lagSeconds,
    labels: PARTITION,
    help: 'Age of the oldest unconsumed message; 0 when lag is 0, never extrapolated on an idle topic',
  },
  {
    name: LAG_METRICS.status,
    labels: [...PARTITION, 'status'],
    help: "1 for the partition's current Burrow status, 0 for the others",
  },
  { name: LAG_METRICS.groupLag, labels: ['group'], help: 'Sum of the lag of every partition of the group' },
  { name: LAG_METRICS.groupMaxLag, labels: ['group'], help: 'Largest partition lag of the group, in messages' },
  { name: LAG_METRICS.groupMaxLagSeconds, labels: ['group'], help: 'Largest partition lag of the group, in seconds' },
] as const;

/**
 * Registers the lag gauges on `registry`. Values are computed on scrape from the latest report, so no
 * series outlives its group or status (no stale label sets) and a scrape never waits for Kafka.
 */
export function registerLagMetrics(registry: Registry, source: LagMetricsSource): void {
  // One flattening per report, shared by every family of a scrape.
  let cached: { report: LagReport; samples: Map<string, PrometheusSample[]> } | undefined;
  const samplesNamed = (name: string): PrometheusSample[] => {
    const report = source.report();
    if (cached?.report !== report) cached = { report, samples: groupByName(toPrometheusSamples(report)) };
    return cached.samples.get(name) ?? [];
  };

  for (const family of FROM_SAMPLES) {
    new Gauge({
      name: family.name,
      help: family.help,
      labelNames: family.labels,
      registers: [registry],
      collect(this: Gauge) {
        this.reset();
        for (const sample of samplesNamed(family.name)) this.set(sample.labels, sample.value);
      },
    });
  }

  new Gauge({
    name: LAG_SAMPLER_METRICS.groupStatusCode,
    help: 'Burrow code of the worst partition: 0 NOTFOUND, 1 OK, 2 WARN, 3 ERR, 4 STOP, 5 STALL, 6 REWIND',
    labelNames: ['group'],
    registers: [registry],
    collect(this: Gauge) {
      this.reset();
      for (const group of source.report().groups) this.set({ group: group.group }, groupStatusCode(group));
      for (const group of source.notFoundGroups()) this.set({ group }, BURROW_STATUS_CODES.NOTFOUND);
    },
  });

  new Gauge({
    name: LAG_SAMPLER_METRICS.lastSuccess,
    help: "Unix time of the monitor's last successful offset read of the group",
    labelNames: ['group'],
    registers: [registry],
    collect(this: Gauge) {
      this.reset();
      for (const [group, at] of source.lastSuccess()) this.set({ group }, at / 1000);
    },
  });
}

function groupByName(samples: readonly PrometheusSample[]): Map<string, PrometheusSample[]> {
  const byName = new Map<string, PrometheusSample[]>();
  for (const sample of samples) byName.set(sample.name, [...(byName.get(sample.name) ?? []), sample]);
  return byName;
}

import { evaluatePartition } from './evaluate-partition';
import type { LagGroupReport, LagPartitionReport } from './lag-report';
import { lagSeconds } from './lag-seconds';
import type { LagWindowOptions } from './options';
import type { PartitionHistory } from './partition-history';
import { groupStatusOf } from './status';

type EvaluationOptions = Pick<LagWindowOptions, 'intervals' | 'allowedLag'>;

export function evaluatePartitionReport(
  history: PartitionHistory,
  now: number,
  options: EvaluationOptions,
): LagPartitionReport {
  const latest = history.samples.at(-1);
  return {
    topic: history.topic,
    partition: history.partition,
    committedOffset: latest?.committedOffset ?? -1,
    highWatermark: latest?.highWatermark ?? 0,
    lag: latest?.lag ?? 0,
    // Millisecond precision is plenty and keeps JSON and Prometheus output stable.
    lagSeconds: Math.round(lagSeconds(history.samples, now) * 1000) / 1000,
    status: evaluatePartition(history, now, options.allowedLag),
    complete: Math.min(1, history.commits.length / options.intervals),
  };
}

/** Rolls partitions up as Burrow does: worst status capped at ERR, total and max lag, share complete. */
export function evaluateGroup(
  group: string,
  histories: Iterable<PartitionHistory>,
  now: number,
  options: EvaluationOptions,
): LagGroupReport {
  const partitions = [...histories]
    .map((history) => evaluatePartitionReport(history, now, options))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  const count = partitions.length;
  return {
    group,
    status: groupStatusOf(partitions.map((p) => p.status)),
    totalLag: partitions.reduce((sum, p) => sum + p.lag, 0),
    maxLag: Math.max(0, ...partitions.map((p) => p.lag)),
    maxLagSeconds: Math.max(0, ...partitions.map((p) => p.lagSeconds)),
    complete: count === 0 ? 1 : partitions.filter((p) => p.complete === 1).length / count,
    partitions,
    evaluatedAt: new Date(now).toISOString(),
  };
}

import { LagMonitor } from '../lag-monitor';
import type { LagPartitionReport } from '../lag-report';
import type { LagWindowOptionsInput } from '../options';

export const POLL_MS = 60_000;

export interface PollStep {
  /** Messages produced since the previous poll. */
  produce?: number;
  /** Messages the consumer committed since the previous poll. */
  consume?: number;
  /** Overrides the committed offset (an offset reset). */
  committed?: number;
  consumerActive?: boolean;
}

/**
 * One group on one partition, polled every minute on a fake clock: tests say what the producer and the
 * consumer did and read back what the monitor concludes.
 */
export function partitionScenario(
  options: LagWindowOptionsInput & { start?: { committed: number; end: number } } = {},
) {
  const { start = { committed: 0, end: 0 }, ...window } = options;
  let now = 0;
  let end = start.end;
  let committed = start.committed;
  const monitor = new LagMonitor({ ...window, clock: () => now });

  const current = (): LagPartitionReport => {
    const partition = monitor.group('g')?.partitions[0];
    if (!partition) throw new Error('partition not tracked');
    return partition;
  };

  const poll = (step: PollStep = {}): LagPartitionReport => {
    now += POLL_MS;
    end += step.produce ?? 0;
    committed = step.committed ?? committed + (step.consume ?? 0);
    const reading = { groupId: 'g', topic: 't', partition: 0, committedOffset: committed, highWatermark: end };
    monitor.observe([
      {
        ...reading,
        lowWatermark: 0,
        ...(step.consumerActive === undefined ? {} : { consumerActive: step.consumerActive }),
      },
    ]);
    return current();
  };

  const pollTimes = (times: number, step: PollStep = {}): LagPartitionReport[] =>
    Array.from({ length: times }, () => poll(step));

  return {
    monitor,
    poll,
    pollTimes,
    current,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

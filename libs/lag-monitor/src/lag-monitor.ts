import { evaluateGroup } from './evaluate-group';
import type { LagGroupReport, LagReport } from './lag-report';
import { parseLagWindowOptions, type Clock, type LagWindowOptions, type LagWindowOptionsInput } from './options';
import { recordReading, type PartitionHistory } from './partition-history';
import type { LagReading } from './reading';

export type LagMonitorOptions = LagWindowOptionsInput & { clock: Clock };

const partitionKey = (topic: string, partition: number) => `${topic}\u0000${String(partition)}`;

/**
 * Keeps a sliding window per (group, topic, partition) and evaluates it on demand. Groups stay reported
 * after their consumers stop, since a silent group is the failure SREs most often miss; a group goes only
 * when deleted or when the poller has not seen it for `expireGroupMs`.
 */
export class LagMonitor {
  readonly options: LagWindowOptions;
  readonly #clock: Clock;
  readonly #groups = new Map<string, Map<string, PartitionHistory>>();

  constructor({ clock, ...window }: LagMonitorOptions) {
    this.options = parseLagWindowOptions(window);
    this.#clock = clock;
  }

  /** Folds one poll in; `at` is when the offsets were read (defaults to now). */
  observe(readings: readonly LagReading[], at: number = this.#clock()): void {
    for (const reading of readings) {
      const partitions = this.#groups.get(reading.groupId) ?? new Map<string, PartitionHistory>();
      const key = partitionKey(reading.topic, reading.partition);
      partitions.set(key, recordReading(partitions.get(key), reading, at, this.options));
      this.#groups.set(reading.groupId, partitions);
    }
    this.expire(at);
  }

  /** Drops partitions (and then groups) the poller has not reported for `expireGroupMs`; returns gone groups. */
  expire(now: number = this.#clock()): string[] {
    const expired: string[] = [];
    for (const [group, partitions] of this.#groups) {
      for (const [key, history] of partitions) {
        if (now - history.lastSeenAt > this.options.expireGroupMs) partitions.delete(key);
      }
      if (partitions.size === 0) {
        this.#groups.delete(group);
        expired.push(group);
      }
    }
    return expired;
  }

  /** Forgets a group at once, e.g. after it was deleted from Kafka (Burrow's DELETE). */
  deleteGroup(group: string): boolean {
    return this.#groups.delete(group);
  }

  groupIds(): string[] {
    return [...this.#groups.keys()].sort();
  }

  /** The raw window of one partition, for debugging and tests. */
  history(group: string, topic: string, partition: number): PartitionHistory | undefined {
    return this.#groups.get(group)?.get(partitionKey(topic, partition));
  }

  group(group: string): LagGroupReport | undefined {
    const partitions = this.#groups.get(group);
    return partitions && evaluateGroup(group, partitions.values(), this.#clock(), this.options);
  }

  report(): LagReport {
    const now = this.#clock();
    return {
      evaluatedAt: new Date(now).toISOString(),
      groups: this.groupIds().flatMap((id) => {
        const partitions = this.#groups.get(id);
        return partitions ? [evaluateGroup(id, partitions.values(), now, this.options)] : [];
      }),
    };
  }
}

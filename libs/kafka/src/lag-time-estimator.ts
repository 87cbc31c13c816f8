/** One observation of a partition's log-end offset. */
export interface OffsetSample {
  atMs: number;
  offset: number;
}

export interface LagTimeEstimatorOptions {
  now(): number;
  /** Samples kept per partition; with a 30 s poll, 60 samples cover 30 minutes. */
  maxSamples?: number;
}

/**
 * Lag in seconds as kafka-lag-exporter computes it: remember when each log-end offset was observed and
 * estimate when the group's committed offset was produced, by linear interpolation between the
 * surrounding samples (or extrapolation from the overall rate when the commit is older than the history).
 * Runs of an unchanged offset keep only their first and last sample, so an idle topic does not flush
 * the history that tells when older messages were written. Pure: the caller polls and injects the clock.
 */
export class LagTimeEstimator {
  private readonly samples = new Map<string, OffsetSample[]>();
  private readonly maxSamples: number;

  constructor(private readonly options: LagTimeEstimatorOptions) {
    this.maxSamples = Math.max(2, options.maxSamples ?? 60);
  }

  /** Records the partition's high watermark as observed now. */
  record(topic: string, partition: number, highWatermark: number): void {
    const key = partitionKey(topic, partition);
    const sample = { atMs: this.options.now(), offset: highWatermark };
    const history = this.samples.get(key) ?? [];
    const last = history.at(-1);
    const beforeLast = history.at(-2);
    if (last && highWatermark < last.offset) {
      // The log was truncated or recreated; older samples describe another log.
      this.samples.set(key, [sample]);
      return;
    }
    if (last && beforeLast && last.offset === highWatermark && beforeLast.offset === highWatermark) {
      history[history.length - 1] = sample;
    } else {
      history.push(sample);
      if (history.length > this.maxSamples) history.shift();
    }
    this.samples.set(key, history);
  }

  /**
   * Seconds since the message at `committedOffset` (the next one to read) was produced; 0 when caught up;
   * undefined until there are two samples to draw a rate from.
   */
  lagSeconds(topic: string, partition: number, committedOffset: number): number | undefined {
    const history = this.samples.get(partitionKey(topic, partition)) ?? [];
    const last = history.at(-1);
    if (last && committedOffset >= last.offset) return 0;
    const producedAt = estimateProducedAt(history, committedOffset);
    if (producedAt === undefined) return undefined;
    return Math.max(0, (this.options.now() - producedAt) / 1000);
  }

  /** Drops a partition's history, e.g. when the topic is deleted. */
  forget(topic: string, partition: number): void {
    this.samples.delete(partitionKey(topic, partition));
  }
}

/**
 * When did the log end first pass `offset`? Between the last sample at or below it and the next one.
 * `history` is ascending in time and offset, and `offset` is below the newest sample's offset.
 */
export function estimateProducedAt(history: readonly OffsetSample[], offset: number): number | undefined {
  const first = history[0];
  const last = history.at(-1);
  if (!first || !last || history.length < 2) return undefined;
  if (offset < first.offset) {
    const rate = (last.offset - first.offset) / (last.atMs - first.atMs);
    if (!(rate > 0)) return undefined;
    return first.atMs - (first.offset - offset) / rate;
  }
  for (let i = history.length - 2; i >= 0; i -= 1) {
    const below = history[i];
    const above = history[i + 1];
    if (below && above && below.offset <= offset && offset < above.offset) {
      return below.atMs + ((offset - below.offset) * (above.atMs - below.atMs)) / (above.offset - below.offset);
    }
  }
  return undefined;
}

const partitionKey = (topic: string, partition: number) => `${topic}\u0000${String(partition)}`;

import type { LagWindowOptions } from './options';
import { lagMessages, type LagReading } from './reading';

/** What one poll saw. */
export interface LagSample {
  at: number;
  committedOffset: number;
  highWatermark: number;
  lowWatermark: number;
  lag: number;
}

/** A commit as Burrow stores it: the offset, when it was (as far as we can tell) committed, and the lag then. */
export interface CommitPoint {
  at: number;
  offset: number;
  lag: number;
}

export interface PartitionHistory {
  topic: string;
  partition: number;
  /** Oldest first; runs of identical polls keep only their first and last sample. */
  samples: readonly LagSample[];
  /** Oldest first, at most `intervals`: the window Burrow's rules judge. */
  commits: readonly CommitPoint[];
  lastSeenAt: number;
}

type HistoryLimits = Pick<LagWindowOptions, 'intervals' | 'maxSamples'>;

/**
 * Folds one poll into a partition's history. Pure: returns a new history, or the same one when the poll
 * is out of order (an older or duplicate `at` says nothing new).
 */
export function recordReading(
  previous: PartitionHistory | undefined,
  reading: LagReading,
  at: number,
  limits: HistoryLimits,
): PartitionHistory {
  const last = previous?.samples.at(-1);
  if (previous && last && at <= last.at) return previous;

  const sample: LagSample = {
    at,
    committedOffset: reading.committedOffset,
    highWatermark: reading.highWatermark,
    lowWatermark: reading.lowWatermark,
    lag: lagMessages(reading.committedOffset, reading.highWatermark, reading.lowWatermark),
  };
  // A shrinking log end means the topic was recreated: older points describe another log, and keeping
  // them would turn the fresh, lower offsets into a false REWIND.
  const base = previous && last && reading.highWatermark >= last.highWatermark ? previous : undefined;

  return {
    topic: reading.topic,
    partition: reading.partition,
    samples: appendSample(base?.samples ?? [], sample, limits.maxSamples),
    commits: appendCommit(base?.commits ?? [], sample, reading.consumerActive === true, limits.intervals),
    lastSeenAt: at,
  };
}

function appendSample(samples: readonly LagSample[], sample: LagSample, maxSamples: number): LagSample[] {
  const last = samples.at(-1);
  const beforeLast = samples.at(-2);
  // An idle partition would otherwise flush, within maxSamples polls, the points that date older messages.
  if (last && beforeLast && samePoll(last, sample) && samePoll(beforeLast, sample)) {
    return [...samples.slice(0, -1), sample];
  }
  return [...samples, sample].slice(-maxSamples);
}

const samePoll = (a: LagSample, b: LagSample) =>
  a.committedOffset === b.committedOffset && a.highWatermark === b.highWatermark && a.lowWatermark === b.lowWatermark;

/**
 * Offset fetches carry no commit timestamp, so a commit is inferred: the offset moved, or a live consumer
 * is presumed to have re-committed it. An unmoved offset without a live consumer adds nothing, which is
 * what lets the window age and Burrow's STOP rule fire.
 *
 * A partition the group never committed on but has messages for counts as committed where the group would
 * start reading (the low watermark): a group stuck before its first commit there (another partition's
 * batch blocking it, say) then goes STALL or STOP like any other instead of staying unjudged and OK.
 */
function appendCommit(
  commits: readonly CommitPoint[],
  sample: LagSample,
  consumerActive: boolean,
  intervals: number,
): readonly CommitPoint[] {
  if (sample.committedOffset < 0 && sample.lag === 0) return commits;
  const offset = sample.committedOffset < 0 ? sample.lowWatermark : sample.committedOffset;
  const last = commits.at(-1);
  if (last && last.offset === offset && !consumerActive) return commits;
  return [...commits, { at: sample.at, offset, lag: sample.lag }].slice(-intervals);
}

import type { LagSample } from './partition-history';

type LogEndPoint = Pick<LagSample, 'at' | 'highWatermark'>;

/**
 * When was `offset` the head of the log, i.e. when was the message at `offset` produced?
 * kafka-lag-exporter's approach: interpolate linearly between the two polls whose log ends bracket it.
 * The message did not exist yet at the last poll whose log end was at or below it, and existed at the
 * next one, so those two consecutive polls are the bracket (flat runs add no information).
 * Older than every poll: extrapolate back from the first poll at the earliest production rate seen; with
 * no rate at all, the first poll's time is still a true lower bound on the message's age.
 * `points` are oldest first with a non-decreasing log end; `offset` is below the newest log end.
 */
export function estimateProducedAt(points: readonly LogEndPoint[], offset: number): number | undefined {
  const first = points[0];
  if (!first) return undefined;
  if (offset < first.highWatermark) {
    const rate = earliestRate(points);
    return rate === undefined ? first.at : first.at - (first.highWatermark - offset) / rate;
  }
  for (let i = 1; i < points.length; i += 1) {
    const below = points[i - 1];
    const above = points[i];
    if (below && above && below.highWatermark <= offset && offset < above.highWatermark) {
      const fraction = (offset - below.highWatermark) / (above.highWatermark - below.highWatermark);
      return below.at + fraction * (above.at - below.at);
    }
  }
  return undefined;
}

/** Messages per millisecond over the first interval in which anything was produced. */
function earliestRate(points: readonly LogEndPoint[]): number | undefined {
  for (let i = 1; i < points.length; i += 1) {
    const before = points[i - 1];
    const after = points[i];
    if (before && after && after.highWatermark > before.highWatermark && after.at > before.at) {
      return (after.highWatermark - before.highWatermark) / (after.at - before.at);
    }
  }
  return undefined;
}

/**
 * Seconds the group's next message has been waiting: 0 when caught up, never negative. Without a commit,
 * or with one retention overtook, the next message is the oldest retained one (matching `lagMessages`).
 */
export function lagSeconds(samples: readonly LagSample[], now: number): number {
  const latest = samples.at(-1);
  if (!latest || latest.lag === 0) return 0;
  const next = Math.max(latest.committedOffset, latest.lowWatermark);
  const producedAt = estimateProducedAt(samples, next);
  if (producedAt === undefined) return 0;
  return Math.max(0, (now - producedAt) / 1000);
}

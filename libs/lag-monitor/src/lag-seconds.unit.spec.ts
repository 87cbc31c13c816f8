import { describe, expect, it } from 'vitest';
import { estimateProducedAt, lagSeconds } from './lag-seconds';
import type { LagSample } from './partition-history';
import { partitionScenario } from './testing/partition-scenario';

const point = (at: number, highWatermark: number) => ({ at, highWatermark });
const sample = (at: number, committedOffset: number, highWatermark: number, lowWatermark = 0): LagSample => ({
  at,
  committedOffset,
  highWatermark,
  lowWatermark,
  lag: Math.max(0, highWatermark - Math.max(committedOffset, lowWatermark)),
});

describe('estimateProducedAt', () => {
  it('interpolates linearly between the polls whose log ends bracket the offset', () => {
    expect(estimateProducedAt([point(0, 0), point(60_000, 600)], 300)).toBe(30_000);
  });

  it('starts the bracket at the last poll of a flat run, when the message did not exist yet', () => {
    const points = [point(0, 100), point(60_000, 100), point(120_000, 200)];
    expect(estimateProducedAt(points, 100)).toBe(60_000);
    expect(estimateProducedAt(points, 150)).toBe(90_000);
  });

  it('extrapolates an offset older than every poll at the earliest rate seen', () => {
    // 600 messages in the first minute, then a burst: only the earliest rate speaks for older messages.
    const points = [point(0, 1000), point(60_000, 1600), point(120_000, 4000)];
    expect(estimateProducedAt(points, 400)).toBe(-60_000);
  });

  it('falls back to the first poll, a true lower bound, when no production was ever seen', () => {
    expect(estimateProducedAt([point(5_000, 100), point(65_000, 100)], 40)).toBe(5_000);
    expect(estimateProducedAt([point(5_000, 100)], 40)).toBe(5_000);
    expect(estimateProducedAt([], 40)).toBeUndefined();
  });
});

describe('lagSeconds', () => {
  it('is 0 when caught up, also when the commit is past a stale log end', () => {
    expect(lagSeconds([sample(0, 100, 100), sample(60_000, 200, 200)], 90_000)).toBe(0);
    expect(lagSeconds([sample(0, 250, 200)], 90_000)).toBe(0);
    expect(lagSeconds([], 90_000)).toBe(0);
  });

  it('is the age of the next message to read, measured from now', () => {
    const samples = [sample(0, 0, 0), sample(60_000, 0, 600)];
    expect(lagSeconds(samples, 60_000)).toBe(60);
    expect(lagSeconds(samples, 90_000)).toBe(90);
    expect(lagSeconds([sample(0, 0, 0), sample(60_000, 300, 600)], 60_000)).toBe(30);
  });

  it('dates a group without commit (or behind retention) by the oldest retained message', () => {
    const samples = [sample(0, -1, 1000, 0), sample(60_000, -1, 1600, 700)];
    // Retention moved the low watermark to 700: written 30 s before the first poll, at 10 messages a second.
    expect(lagSeconds(samples, 60_000)).toBe(90);
  });

  it('grows with the clock while a consumer is stuck, so a silent group keeps looking worse', () => {
    const { poll, pollTimes } = partitionScenario();
    pollTimes(3, { produce: 100, consume: 100 });
    const stuck = pollTimes(4, { produce: 100 }).map((p) => p.lagSeconds);
    // The next message (offset 300) was produced right after the 3rd minute's poll.
    expect(stuck).toEqual([60, 120, 180, 240]);
    expect(poll({ produce: 100, consume: 500 }).lagSeconds).toBe(0);
  });

  it('is never negative', () => {
    expect(lagSeconds([sample(0, 0, 0), sample(60_000, 10, 600)], 1_000)).toBe(0);
  });
});

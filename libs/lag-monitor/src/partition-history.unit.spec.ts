import { describe, expect, it } from 'vitest';
import { parseLagWindowOptions } from './options';
import { recordReading, type PartitionHistory } from './partition-history';
import type { LagReading } from './reading';

const limits = parseLagWindowOptions({ intervals: 3, maxSamples: 4 });
const reading = (committedOffset: number, highWatermark: number, extra: Partial<LagReading> = {}): LagReading => ({
  groupId: 'g',
  topic: 't',
  partition: 0,
  committedOffset,
  highWatermark,
  lowWatermark: 0,
  ...extra,
});

const fold = (steps: [at: number, reading: LagReading][]): PartitionHistory | undefined =>
  steps.reduce<PartitionHistory | undefined>((history, [at, r]) => recordReading(history, r, at, limits), undefined);

describe('recordReading', () => {
  it('keeps the lag of each poll, clamped as the Kafka adapter computes it', () => {
    const history = fold([
      [1, reading(10, 50)],
      [2, reading(-1, 50, { lowWatermark: 20 })],
      [3, reading(5, 50, { lowWatermark: 20 })],
      [4, reading(60, 50)],
    ]);
    expect(history?.samples.map((s) => s.lag)).toEqual([40, 30, 30, 0]);
  });

  it('bounds samples to maxSamples and commits to intervals, dropping the oldest', () => {
    const history = fold([1, 2, 3, 4, 5, 6].map((i) => [i * 10, reading(i, 100)]));
    expect(history?.samples.map((s) => s.at)).toEqual([30, 40, 50, 60]);
    expect(history?.commits.map((c) => c.offset)).toEqual([4, 5, 6]);
  });

  it('collapses a run of identical polls to its first and last, so idling keeps older history', () => {
    const history = fold([
      [10, reading(0, 100)],
      [20, reading(100, 200)],
      [30, reading(100, 200)],
      [40, reading(100, 200)],
      [50, reading(100, 200)],
    ]);
    expect(history?.samples.map((s) => s.at)).toEqual([10, 20, 50]);
    expect(history?.lastSeenAt).toBe(50);
  });

  it('infers a commit only when the offset moves, or a live consumer presumably re-committed it', () => {
    const idle = fold([
      [10, reading(100, 100)],
      [20, reading(100, 150)],
      [30, reading(120, 150)],
    ]);
    expect(idle?.commits).toEqual([
      { at: 10, offset: 100, lag: 0 },
      { at: 30, offset: 120, lag: 30 },
    ]);
    const live = fold([
      [10, reading(100, 100, { consumerActive: true })],
      [20, reading(100, 150, { consumerActive: true })],
    ]);
    expect(live?.commits.map((c) => c.at)).toEqual([10, 20]);
  });

  it('records no commit for a partition the group never committed on while it has nothing to read', () => {
    expect(fold([[10, reading(-1, 0)]])?.commits).toEqual([]);
  });

  it('counts a partition never committed on but behind as committed where the group would start reading', () => {
    expect(fold([[10, reading(-1, 100)]])?.commits).toEqual([{ at: 10, offset: 0, lag: 100 }]);
  });

  it('ignores a poll that is not newer than the last one', () => {
    const history = fold([
      [20, reading(5, 10)],
      [20, reading(6, 10)],
      [10, reading(7, 10)],
    ]);
    expect(history?.samples.map((s) => s.committedOffset)).toEqual([5]);
  });

  it('starts over when the log end goes down (topic recreated)', () => {
    const history = fold([
      [10, reading(900, 1000)],
      [20, reading(3, 5)],
    ]);
    expect(history?.samples.map((s) => s.at)).toEqual([20]);
    expect(history?.commits.map((c) => c.offset)).toEqual([3]);
  });
});

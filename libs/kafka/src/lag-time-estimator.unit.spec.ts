import { describe, expect, it } from 'vitest';
import { LagTimeEstimator } from './lag-time-estimator';

function estimator(maxSamples?: number) {
  let nowMs = 0;
  const clock = {
    at(ms: number) {
      nowMs = ms;
    },
  };
  const lag = new LagTimeEstimator({ now: () => nowMs, ...(maxSamples ? { maxSamples } : {}) });
  return { lag, clock };
}

describe('LagTimeEstimator', () => {
  it('has no estimate before two samples', () => {
    const { lag } = estimator();
    expect(lag.lagSeconds('t', 0, 5)).toBeUndefined();
    lag.record('t', 0, 10);
    expect(lag.lagSeconds('t', 0, 5)).toBeUndefined();
  });

  it('reports 0 when the group has read everything, even on an idle topic', () => {
    const { lag, clock } = estimator();
    lag.record('t', 0, 10);
    clock.at(3_600_000);
    lag.record('t', 0, 10);
    expect(lag.lagSeconds('t', 0, 10)).toBe(0);
  });

  it('interpolates when the committed offset was produced', () => {
    const { lag, clock } = estimator();
    clock.at(0);
    lag.record('t', 0, 0);
    clock.at(10_000);
    lag.record('t', 0, 100);
    clock.at(20_000);
    lag.record('t', 0, 300);
    // Offset 200 sits halfway between the samples at 10 s and 20 s: produced at 15 s, read now at 20 s.
    expect(lag.lagSeconds('t', 0, 200)).toBe(5);
    expect(lag.lagSeconds('t', 0, 50)).toBe(15);
  });

  it('keeps the first sample of an unchanged run so older offsets keep their production time', () => {
    const { lag, clock } = estimator();
    lag.record('t', 0, 0);
    for (const ms of [10_000, 20_000, 30_000, 40_000]) {
      clock.at(ms);
      lag.record('t', 0, 100);
    }
    clock.at(50_000);
    lag.record('t', 0, 200);
    // 50 was produced at 5 s (between 0 and 10 s), not somewhere after 40 s.
    expect(lag.lagSeconds('t', 0, 50)).toBe(45);
    // 150 arrived after the idle run ended at 40 s.
    expect(lag.lagSeconds('t', 0, 150)).toBe(5);
  });

  it('extrapolates from the overall rate when the commit is older than the history', () => {
    const { lag, clock } = estimator(3);
    for (const [ms, offset] of [
      [0, 0],
      [10_000, 100],
      [20_000, 200],
      [30_000, 300],
    ] as const) {
      clock.at(ms);
      lag.record('t', 0, offset);
    }
    // The sample at 0 s was dropped; 10 offsets/s from the rest puts offset 50 at 5 s.
    expect(lag.lagSeconds('t', 0, 50)).toBe(25);
  });

  it('starts over when the log end moves backwards (topic recreated)', () => {
    const { lag, clock } = estimator();
    lag.record('t', 0, 100);
    clock.at(10_000);
    lag.record('t', 0, 200);
    clock.at(20_000);
    lag.record('t', 0, 5);
    expect(lag.lagSeconds('t', 0, 2)).toBeUndefined();
  });

  it('keeps partitions apart', () => {
    const { lag, clock } = estimator();
    lag.record('t', 0, 0);
    lag.record('t', 1, 0);
    clock.at(10_000);
    lag.record('t', 0, 100);
    expect(lag.lagSeconds('t', 0, 0)).toBe(10);
    expect(lag.lagSeconds('t', 1, 0)).toBe(0);
  });
});

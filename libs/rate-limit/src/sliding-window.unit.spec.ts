import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './sliding-window';
import { seededRandom } from '@zc/testing';
import { maxInAnyWindow } from './testing/fake-time';

const WINDOW = 60_000;

describe('SlidingWindowLimiter', () => {
  it('grants the whole budget at once, then waits for the oldest grant to leave the window', () => {
    const limiter = new SlidingWindowLimiter({ limit: 3 });
    expect(limiter.tryTake(1, 0).granted).toBe(true);
    expect(limiter.tryTake(2, 10_000).granted).toBe(true);
    expect(limiter.tryTake(1, 20_000)).toEqual({ granted: false, waitMs: 40_000 });
    expect(limiter.tryTake(2, 20_000)).toEqual({ granted: false, waitMs: 50_000 });
    expect(limiter.tryTake(1, 60_000).granted).toBe(true);
    expect(limiter.used(60_000)).toBe(3);
  });

  it('treats the window as half-open: a grant at t frees its slot at exactly t + 60 s', () => {
    const limiter = new SlidingWindowLimiter({ limit: 1 });
    limiter.tryTake(1, 0);
    expect(limiter.tryTake(1, 59_999)).toEqual({ granted: false, waitMs: 1 });
    expect(limiter.tryTake(1, 60_000).granted).toBe(true);
  });

  it('applies a lower limit immediately, counting grants already in the window', () => {
    const limiter = new SlidingWindowLimiter({ limit: 10 });
    for (let i = 0; i < 6; i += 1) limiter.tryTake(1, i * 1_000);
    limiter.setLimit(5);
    expect(limiter.tryTake(1, 6_000)).toEqual({ granted: false, waitMs: 55_000 });
  });

  it('applies a higher limit immediately', () => {
    const limiter = new SlidingWindowLimiter({ limit: 2 });
    limiter.tryTake(2, 0);
    expect(limiter.tryTake(1, 1).granted).toBe(false);
    limiter.setLimit(4);
    expect(limiter.tryTake(2, 1).granted).toBe(true);
  });

  it('rejects a take larger than the limit and non-integer limits', () => {
    expect(() => new SlidingWindowLimiter({ limit: 0 })).toThrow(RangeError);
    expect(() => new SlidingWindowLimiter({ limit: 2.5 })).toThrow(RangeError);
    expect(() => new SlidingWindowLimiter({ limit: 2 }).tryTake(3, 0)).toThrow(RangeError);
  });

  it('never exceeds the limit in any 60 s window under random arrivals (seeded property loop)', () => {
    for (let seed = 1; seed <= 100; seed += 1) {
      const random = seededRandom(seed);
      const limit = 1 + Math.floor(random() * 250);
      const limiter = new SlidingWindowLimiter({ limit });
      const grants: number[] = [];
      let now = 0;
      for (let attempt = 0; attempt < 2_000; attempt += 1) {
        // Mix of bursts (same instant), short gaps and long idle periods.
        const shape = random();
        now += shape < 0.3 ? 0 : shape < 0.9 ? Math.floor(random() * 500) : Math.floor(random() * 90_000);
        const n = Math.min(limit, 1 + Math.floor(random() * 3));
        const result = limiter.tryTake(n, now);
        if (result.granted) for (let i = 0; i < n; i += 1) grants.push(now);
        else expect(result.waitMs).toBeGreaterThan(0);
      }
      expect(maxInAnyWindow(grants, WINDOW), `seed ${seed}`).toBeLessThanOrEqual(limit);
    }
  });

  it('uses the whole budget: a caller that waits as told gets exactly the limit per window', () => {
    const limiter = new SlidingWindowLimiter({ limit: 200 });
    const grants: number[] = [];
    let now = 0;
    while (now < 10 * WINDOW) {
      const result = limiter.tryTake(1, now);
      if (result.granted) grants.push(now);
      else now += result.waitMs;
    }
    expect(maxInAnyWindow(grants, WINDOW)).toBe(200);
    expect(grants.length).toBe(2_000);
  });

  it('treats a clock stepping back as standing still', () => {
    const limiter = new SlidingWindowLimiter({ limit: 1 });
    limiter.tryTake(1, 100_000);
    expect(limiter.tryTake(1, 50_000)).toEqual({ granted: false, waitMs: 60_000 });
  });
});

import { describe, expect, it } from 'vitest';
import { maxInAnyWindow } from './testing/fake-time';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('starts full and grants up to capacity at once', () => {
    const bucket = new TokenBucket({ capacity: 10, refillPerMinute: 60, now: 0 });
    expect(bucket.tryTake(10, 0)).toEqual({ granted: true });
    expect(bucket.tryTake(1, 0)).toEqual({ granted: false, waitMs: 1_000 });
  });

  it('refills continuously and says how long to wait for n tokens', () => {
    const bucket = new TokenBucket({ capacity: 10, refillPerMinute: 60, now: 0 });
    bucket.tryTake(10, 0);
    expect(bucket.tryTake(3, 1_500)).toEqual({ granted: false, waitMs: 1_500 });
    expect(bucket.tryTake(3, 3_000)).toEqual({ granted: true });
    expect(bucket.available(3_000)).toBe(0);
  });

  it('never holds more than its capacity', () => {
    const bucket = new TokenBucket({ capacity: 5, refillPerMinute: 600, now: 0 });
    expect(bucket.available(3_600_000)).toBe(5);
  });

  it('does not mint tokens when the clock steps back', () => {
    const bucket = new TokenBucket({ capacity: 1, refillPerMinute: 60, now: 10_000 });
    bucket.tryTake(1, 10_000);
    expect(bucket.tryTake(1, 5_000).granted).toBe(false);
    expect(bucket.tryTake(1, 10_999).granted).toBe(false);
    expect(bucket.tryTake(1, 11_000).granted).toBe(true);
  });

  it('rejects impossible requests instead of waiting forever', () => {
    const bucket = new TokenBucket({ capacity: 5, refillPerMinute: 60, now: 0 });
    expect(() => bucket.tryTake(6, 0)).toThrow(RangeError);
    expect(() => bucket.tryTake(0, 0)).toThrow(RangeError);
  });

  it('can exceed its rate in a 60 s window, which is why collectors use the sliding window', () => {
    const bucket = new TokenBucket({ capacity: 200, refillPerMinute: 200, now: 0 });
    const grants: number[] = [];
    for (let t = 0; t < 60_000; t += 100) {
      while (bucket.tryTake(1, t).granted) grants.push(t);
    }
    expect(maxInAnyWindow(grants, 60_000)).toBeGreaterThan(200);
  });
});

import { describe, expect, it } from 'vitest';
import { AdaptiveLimiter } from './adaptive-limiter';
import { maxInAnyWindow } from './testing/fake-time';

describe('AdaptiveLimiter', () => {
  it('honours a Retry-After pause, and a shorter pause never cuts it short', () => {
    const limiter = new AdaptiveLimiter({ limitPerMinute: 200 });
    limiter.pauseUntil(30_000);
    limiter.pauseUntil(10_000);
    expect(limiter.tryTake(1, 0)).toEqual({ granted: false, waitMs: 30_000 });
    expect(limiter.tryTake(1, 29_999)).toEqual({ granted: false, waitMs: 1 });
    expect(limiter.tryTake(1, 30_000).granted).toBe(true);
  });

  it('applies a limit change immediately', () => {
    const limiter = new AdaptiveLimiter({ limitPerMinute: 2 });
    limiter.tryTake(2, 0);
    expect(limiter.tryTake(1, 0).granted).toBe(false);
    limiter.setLimit(3);
    expect(limiter.tryTake(1, 0).granted).toBe(true);
  });

  it('spends exactly the quota the upstream says is left, then waits for its reset', () => {
    const limiter = new AdaptiveLimiter({ limitPerMinute: 200 });
    limiter.tryTake(1, 0);
    // The answer to that one request: 3 left in a window that resets at 50 s.
    limiter.observe({ limit: 100, remaining: 3, resetAt: 50_000 }, 10);
    for (let i = 0; i < 3; i += 1) expect(limiter.tryTake(1, 20).granted).toBe(true);
    expect(limiter.tryTake(1, 20)).toEqual({ granted: false, waitMs: 49_980 });
    expect(limiter.tryTake(1, 50_000).granted).toBe(true);
  });

  it('counts requests still in flight against the quota an answer reports', () => {
    const limiter = new AdaptiveLimiter({ limitPerMinute: 200 });
    for (let i = 0; i < 3; i += 1) limiter.tryTake(1, 0);
    // One answered with 2 left; the other two in flight will take those two.
    limiter.observe({ limit: 100, remaining: 2, resetAt: 60_000 }, 5);
    expect(limiter.tryTake(1, 5).granted).toBe(false);
  });

  it('does not let a late answer hand back quota already spent in the same window', () => {
    const limiter = new AdaptiveLimiter({ limitPerMinute: 200 });
    limiter.tryTake(1, 0);
    limiter.tryTake(1, 0);
    // The second request's answer arrives first.
    limiter.observe({ limit: 100, remaining: 2, resetAt: 30_000 }, 10);
    limiter.observe({ limit: 100, remaining: 3, resetAt: 30_400 }, 20);
    expect(limiter.tryTake(1, 30).granted).toBe(true);
    expect(limiter.tryTake(1, 30).granted).toBe(false);
  });

  it('pauses until the reset when nothing remains, and resumes at full speed after it', () => {
    const limiter = new AdaptiveLimiter({ limitPerMinute: 200 });
    limiter.observe({ limit: 700, remaining: 0, resetAt: 20_000 }, 0);
    expect(limiter.tryTake(1, 0)).toEqual({ granted: false, waitMs: 20_000 });
    expect(limiter.tryTake(1, 20_000).granted).toBe(true);
    expect(limiter.tryTake(1, 20_000).granted).toBe(true);
  });

  it('uses the whole budget while the upstream has plenty left', () => {
    const limiter = new AdaptiveLimiter({ limitPerMinute: 200 });
    limiter.observe({ limit: 700, remaining: 500, resetAt: 60_000 }, 0);
    for (let i = 0; i < 200; i += 1) expect(limiter.tryTake(1, 0).granted).toBe(true);
  });

  it('keeps its own budget as the hard ceiling whatever the upstream says', () => {
    const limiter = new AdaptiveLimiter({ limitPerMinute: 10 });
    limiter.observe({ limit: 10_000, remaining: 10_000, resetAt: 60_000 }, 0);
    const grants: number[] = [];
    for (let now = 0; now < 180_000; now += 250) if (limiter.tryTake(1, now).granted) grants.push(now);
    expect(maxInAnyWindow(grants, 60_000)).toBe(10);
  });
});

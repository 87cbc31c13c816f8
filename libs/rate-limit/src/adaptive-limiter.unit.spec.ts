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

  it('does not pace while the upstream has plenty of quota left', () => {
    const limiter = new AdaptiveLimiter({ limitPerMinute: 200 });
    limiter.observe({ limit: 700, remaining: 500, resetAt: 60_000 }, 0);
    for (let i = 0; i < 50; i += 1) expect(limiter.tryTake(1, 0).granted).toBe(true);
  });

  it('spaces the remaining quota evenly until the reset when it falls below 10 %', () => {
    const limiter = new AdaptiveLimiter({ limitPerMinute: 200 });
    limiter.observe({ limit: 700, remaining: 10, resetAt: 50_000 }, 0);
    expect(limiter.tryTake(1, 0).granted).toBe(true);
    expect(limiter.tryTake(1, 1)).toEqual({ granted: false, waitMs: 4_999 });
    const grants = [0];
    let now = 1;
    while (now < 50_000) {
      const result = limiter.tryTake(1, now);
      if (result.granted) grants.push(now);
      else now += result.waitMs;
    }
    expect(grants).toHaveLength(10);
    expect(grants.every((at, i) => i === 0 || at - (grants[i - 1] ?? 0) >= 5_000)).toBe(true);
  });

  it('recomputes the pace from every observation', () => {
    const limiter = new AdaptiveLimiter({ limitPerMinute: 200 });
    limiter.observe({ limit: 100, remaining: 5, resetAt: 10_000 }, 0);
    limiter.tryTake(1, 0);
    limiter.observe({ limit: 100, remaining: 2, resetAt: 10_000 }, 1_000);
    expect(limiter.tryTake(1, 1_000)).toEqual({ granted: false, waitMs: 3_500 });
  });

  it('pauses until the reset when nothing remains, and resumes at full speed after it', () => {
    const limiter = new AdaptiveLimiter({ limitPerMinute: 200 });
    limiter.observe({ limit: 700, remaining: 0, resetAt: 20_000 }, 0);
    expect(limiter.tryTake(1, 0)).toEqual({ granted: false, waitMs: 20_000 });
    expect(limiter.tryTake(1, 20_000).granted).toBe(true);
    expect(limiter.tryTake(1, 20_000).granted).toBe(true);
  });

  it('stops pacing once the upstream window has reset', () => {
    const limiter = new AdaptiveLimiter({ limitPerMinute: 200 });
    limiter.observe({ limit: 100, remaining: 1, resetAt: 10_000 }, 0);
    limiter.tryTake(1, 0);
    expect(limiter.tryTake(1, 10_000).granted).toBe(true);
    expect(limiter.tryTake(1, 10_000).granted).toBe(true);
  });

  it('keeps its own budget as the hard ceiling whatever the upstream says', () => {
    const limiter = new AdaptiveLimiter({ limitPerMinute: 10 });
    limiter.observe({ limit: 10_000, remaining: 10_000, resetAt: 60_000 }, 0);
    const grants: number[] = [];
    for (let now = 0; now < 180_000; now += 250) if (limiter.tryTake(1, now).granted) grants.push(now);
    expect(maxInAnyWindow(grants, 60_000)).toBe(10);
  });
});

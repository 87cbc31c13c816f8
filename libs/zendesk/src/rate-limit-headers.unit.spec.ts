import { describe, expect, it } from 'vitest';
import { parseBucketHeader, parseRateLimitHeaders, parseRetryAfter } from './rate-limit-headers';

const NOW = 1_000_000;

describe('rate-limit headers', () => {
  it('reads ratelimit-* with reset, preferring them over x-rate-limit', () => {
    const headers = new Headers({
      'ratelimit-limit': '700',
      'ratelimit-remaining': '699',
      'ratelimit-reset': '37',
      'x-rate-limit': '1',
    });
    expect(parseRateLimitHeaders(headers, NOW).account).toEqual({ limit: 700, remaining: 699, resetAt: NOW + 37_000 });
  });

  it('falls back to X-Rate-Limit without a reset', () => {
    const headers = new Headers({ 'X-Rate-Limit': '200', 'X-Rate-Limit-Remaining': '3' });
    expect(parseRateLimitHeaders(headers, NOW).account).toEqual({ limit: 200, remaining: 3, resetAt: null });
  });

  it('reads endpoint buckets tolerantly', () => {
    const headers = new Headers({
      'Zendesk-RateLimit-incremental-exports': 'total=10; remaining=9; resets=2',
      'zendesk-ratelimit-tickets-index': 'remaining=99 ;TOTAL=100;resets=41',
    });
    const meta = parseRateLimitHeaders(headers, NOW);
    expect(meta.buckets['incremental-exports']).toEqual({ limit: 10, remaining: 9, resetAt: NOW + 2000 });
    expect(meta.buckets['tickets-index']).toEqual({ limit: 100, remaining: 99, resetAt: NOW + 41_000 });
    expect(parseBucketHeader('garbage', NOW)).toBeNull();
  });

  it('reads the combined IETF form and Retry-After as seconds or a date', () => {
    expect(parseRateLimitHeaders(new Headers({ ratelimit: 'limit=5, remaining=1, reset=3' }), NOW).account).toEqual({
      limit: 5,
      remaining: 1,
      resetAt: NOW + 3000,
    });
    expect(parseRetryAfter('12', NOW)).toBe(12_000);
    expect(parseRetryAfter(new Date(NOW + 5000).toUTCString(), NOW)).toBe(5000);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRateLimitHeaders(new Headers(), NOW)).toEqual({ account: null, buckets: {}, retryAfterMs: null });
  });
});

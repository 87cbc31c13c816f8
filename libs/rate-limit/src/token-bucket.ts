import { assertPositiveInteger, GRANTED, wait, type TakeResult } from './types';

export interface TokenBucketOptions {
  capacity: number;
  refillPerMinute: number;
  /** When the bucket starts (full). */
  now: number;
}

/**
 * Classic token bucket: smooth on average, but a full bucket plus its refill lets up to
 * capacity + refillPerMinute through in one 60 s window. Use SlidingWindowLimiter where a hard
 * "at most N per 60 s" budget is the requirement.
 */
export class TokenBucket {
  readonly capacity: number;
  readonly #msPerToken: number;
  #tokens: number;
  #updatedAt: number;

  constructor(options: TokenBucketOptions) {
    assertPositiveInteger('capacity', options.capacity);
    if (!(options.refillPerMinute > 0)) throw new RangeError('refillPerMinute must be positive');
    this.capacity = options.capacity;
    this.#msPerToken = 60_000 / options.refillPerMinute;
    this.#tokens = options.capacity;
    this.#updatedAt = options.now;
  }

  tryTake(n: number, now: number): TakeResult {
    assertPositiveInteger('n', n);
    if (n > this.capacity) throw new RangeError(`cannot take ${n} tokens from a bucket of ${this.capacity}`);
    this.#refill(now);
    if (this.#tokens >= n) {
      this.#tokens -= n;
      return GRANTED;
    }
    return wait((n - this.#tokens) * this.#msPerToken);
  }

  available(now: number): number {
    this.#refill(now);
    return Math.floor(this.#tokens);
  }

  #refill(now: number): void {
    // A clock that steps backwards must not mint tokens later; treat it as no time passing.
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#tokens = Math.min(this.capacity, this.#tokens + elapsed / this.#msPerToken);
    this.#updatedAt = Math.max(this.#updatedAt, now);
  }
}

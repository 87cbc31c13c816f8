import { SlidingWindowLimiter } from './sliding-window';
import { wait, type TakeResult } from './types';

/** What the upstream said about its own quota; `resetAt` is on the same clock as `now`. */
export interface QuotaObservation {
  limit: number;
  remaining: number;
  resetAt: number;
}

export interface AdaptiveLimiterOptions {
  limitPerMinute: number;
  windowMs?: number;
  /** Start pacing when remaining falls below this fraction of the upstream limit. */
  slowDownBelow?: number;
}

interface Pacing {
  intervalMs: number;
  until: number;
}

/**
 * Our own hard budget (sliding window) plus what the upstream tells us: a Retry-After pause, and
 * pacing when its remaining quota runs low. The upstream quota is shared with other clients of the
 * same account, so ours alone cannot prevent a 429; spreading the last few requests evenly until
 * the reset keeps us from spending them in one burst and then hitting it.
 */
export class AdaptiveLimiter {
  readonly #window: SlidingWindowLimiter;
  readonly #slowDownBelow: number;
  #pausedUntil = Number.NEGATIVE_INFINITY;
  #pacing: Pacing | undefined;
  #lastGrantAt = Number.NEGATIVE_INFINITY;

  constructor(options: AdaptiveLimiterOptions) {
    this.#window = new SlidingWindowLimiter({
      limit: options.limitPerMinute,
      ...(options.windowMs === undefined ? {} : { windowMs: options.windowMs }),
    });
    this.#slowDownBelow = options.slowDownBelow ?? 0.1;
  }

  get limit(): number {
    return this.#window.limit;
  }

  get pausedUntil(): number {
    return this.#pausedUntil;
  }

  setLimit(limitPerMinute: number): void {
    this.#window.setLimit(limitPerMinute);
  }

  /** From Retry-After on 429/503. Never shortens a pause already in force. */
  pauseUntil(at: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, at);
  }

  observe(observation: QuotaObservation, now: number): void {
    const { limit, remaining, resetAt } = observation;
    if (!(limit > 0) || resetAt <= now) {
      this.#pacing = undefined;
      return;
    }
    if (remaining <= 0) {
      this.#pacing = undefined;
      this.pauseUntil(resetAt);
      return;
    }
    this.#pacing =
      remaining < limit * this.#slowDownBelow ? { intervalMs: (resetAt - now) / remaining, until: resetAt } : undefined;
  }

  tryTake(n: number, now: number): TakeResult {
    if (now < this.#pausedUntil) return wait(this.#pausedUntil - now);
    const pacing = this.#pacing !== undefined && now < this.#pacing.until ? this.#pacing : undefined;
    if (pacing !== undefined) {
      const nextAt = this.#lastGrantAt + pacing.intervalMs;
      if (now < nextAt) return wait(Math.min(nextAt, pacing.until) - now);
    }
    const result = this.#window.tryTake(n, now);
    if (result.granted) this.#lastGrantAt = now;
    return result;
  }

  used(now: number): number {
    return this.#window.used(now);
  }
}

import { AdaptiveBudget, type Clock, type QuotaObservation, type Sleep } from '@zc/rate-limit';

export interface SharedBudgetOptions {
  readonly limitPerMinute: number;
  /** The upstream's window; grants are counted over it plus a guard (guardedWindowMs). */
  readonly windowMs: number;
  readonly clock: Clock;
  readonly sleep: Sleep;
  /** Streams that catch up on the past: they leave one grant free for the others. */
  readonly background: ReadonlySet<string>;
}

/**
 * Grants are counted over a window slightly longer than the upstream's, so the delay between our
 * grant and the request's arrival (event-loop lag, connection reuse) cannot make the upstream count
 * more than the budget in its own window. Costs about 1 % of throughput at 60 s.
 */
export const guardedWindowMs = (windowMs: number): number => windowMs + Math.max(250, Math.ceil(windowMs / 100));

/**
 * One connector's request budget, shared by all its streams: a sliding window that never grants
 * more than the limit in any window, handed out round-robin across streams (AdaptiveBudget). A
 * background stream leaves one grant free: the live streams take it as soon as one frees, a
 * background stream only when two have, so live work never waits behind a window a backfill
 * filled, and the backfill gets everything else.
 */
export class SharedBudget {
  readonly #budget: AdaptiveBudget;
  readonly #background: ReadonlySet<string>;
  readonly #windowMs: number;

  constructor(options: SharedBudgetOptions) {
    this.#budget = new AdaptiveBudget({
      clock: options.clock,
      sleep: options.sleep,
      windowMs: guardedWindowMs(options.windowMs),
      limitPerMinute: options.limitPerMinute,
    });
    this.#background = options.background;
    this.#windowMs = options.windowMs;
  }

  acquire(stream: string, signal: AbortSignal): Promise<void> {
    return this.#budget.acquire({ stream, signal, headroom: this.#background.has(stream) ? 1 : 0 });
  }

  /** Requests per minute a stream can count on: the budget, or the upstream's limit when lower. */
  requestsPerMinute(): number {
    const { limit, upstreamLimit } = this.#budget.stats();
    return (Math.min(limit, upstreamLimit ?? limit) * 60_000) / this.#windowMs;
  }

  setLimit(limitPerMinute: number): void {
    if (limitPerMinute !== this.#budget.stats().limit) this.#budget.setLimit(limitPerMinute);
  }

  /** What the upstream said is left of its own window. */
  observe(quota: QuotaObservation): void {
    this.#budget.observe(quota);
  }

  /** A request ended without quota information: it no longer counts as in flight. */
  answered(): void {
    this.#budget.answered();
  }

  pauseUntil(at: number): void {
    this.#budget.pauseUntil(at);
  }

  /** Grants in the current window, the limit per window and the window, for reporting. */
  windowUse(): { granted: number; limit: number; windowMs: number } {
    const { usedInWindow, limit } = this.#budget.stats();
    return { granted: usedInWindow, limit, windowMs: this.#windowMs };
  }

  /** Share of the window's grants used. */
  utilization(): number {
    const stats = this.#budget.stats();
    return stats.usedInWindow / stats.limit;
  }
}

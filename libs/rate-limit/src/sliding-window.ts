import { assertPositiveInteger, GRANTED, wait, type TakeResult } from './types';

export interface SlidingWindowOptions {
  limit: number;
  windowMs?: number;
}

/**
 * Grants at most `limit` in ANY window of `windowMs` (half-open [t, t + windowMs)). It keeps the
 * timestamp of every grant still inside the window, at most `limit` of them, and grants only when
 * the grants since (now - windowMs) plus the new ones fit. Why this holds for every window, not
 * just the ones ending at a grant: take any window and its last grant L; everything in that window
 * lies in (L - windowMs, L], which is exactly what was counted when L was granted.
 */
export class SlidingWindowLimiter {
  readonly windowMs: number;
  #limit: number;
  /** Ascending grant times; one entry per unit granted. */
  readonly #grants: number[] = [];
  #latest = Number.NEGATIVE_INFINITY;

  constructor(options: SlidingWindowOptions) {
    assertPositiveInteger('limit', options.limit);
    this.#limit = options.limit;
    this.windowMs = options.windowMs ?? 60_000;
    assertPositiveInteger('windowMs', this.windowMs);
  }

  get limit(): number {
    return this.#limit;
  }

  /**
   * Takes effect on the next tryTake. Lowering it keeps the grants already made in the window
   * counting against the new limit, so the window drains before anything else is granted.
   */
  setLimit(limit: number): void {
    assertPositiveInteger('limit', limit);
    this.#limit = limit;
  }

  /**
   * `headroom` grants must stay free after this one (kept for other callers); it is clamped so a
   * single grant always fits an empty window.
   */
  tryTake(n: number, now: number, headroom = 0): TakeResult {
    assertPositiveInteger('n', n);
    if (n > this.#limit) throw new RangeError(`cannot take ${n} at once with a limit of ${this.#limit}`);
    // The proof above needs grant times in order; a clock stepping back is treated as standing still.
    const at = Math.max(now, this.#latest);
    this.#expire(at);
    const kept = Math.max(0, Math.min(headroom, this.#limit - n));
    const overflow = this.#grants.length + n + kept - this.#limit;
    if (overflow <= 0) {
      for (let i = 0; i < n; i += 1) this.#grants.push(at);
      this.#latest = at;
      return GRANTED;
    }
    // The overflow-th oldest grant must leave the window before n more fit.
    const freesAt = (this.#grants[overflow - 1] ?? at) + this.windowMs;
    return wait(freesAt - at);
  }

  /** Grants counted in the window ending at `now` (for metrics such as budget used). */
  used(now: number): number {
    this.#expire(Math.max(now, this.#latest));
    return this.#grants.length;
  }

  #expire(now: number): void {
    let expired = 0;
    while (expired < this.#grants.length && (this.#grants[expired] ?? now) + this.windowMs <= now) expired += 1;
    if (expired > 0) this.#grants.splice(0, expired);
  }
}

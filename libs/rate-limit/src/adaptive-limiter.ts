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
  /** A grant not answered within this long no longer counts as in flight (a lost request). */
  inFlightTimeoutMs?: number;
}

/** The upstream's quota in its current window, as far as we know it. */
interface Quota {
  left: number;
  resetAt: number;
}

/** Two reset instants closer than this name the same upstream window (headers count whole seconds). */
const SAME_WINDOW_MS = 1_500;

/**
 * Our own hard budget (sliding window) plus what the upstream tells us: a Retry-After pause, and
 * the quota left in its current window. That quota is shared with every other client of the
 * account, so ours alone cannot prevent a 429; spending exactly what the upstream says is left
 * (less what we have in flight), and then waiting for its reset, uses all of it without a 429 even
 * when the account's limit is below our budget.
 */
export class AdaptiveLimiter {
  readonly #window: SlidingWindowLimiter;
  readonly #inFlightTimeoutMs: number;
  #pausedUntil = Number.NEGATIVE_INFINITY;
  #quota: Quota | undefined;
  #upstreamLimit: number | null = null;
  /** Grant times not yet answered by an observation, oldest first. */
  readonly #inFlight: number[] = [];

  constructor(options: AdaptiveLimiterOptions) {
    this.#window = new SlidingWindowLimiter({
      limit: options.limitPerMinute,
      ...(options.windowMs === undefined ? {} : { windowMs: options.windowMs }),
    });
    this.#inFlightTimeoutMs = options.inFlightTimeoutMs ?? 30_000;
  }

  get limit(): number {
    return this.#window.limit;
  }

  get pausedUntil(): number {
    return this.#pausedUntil;
  }

  /** The upstream's own limit per window as last reported; null before any report. */
  get upstreamLimit(): number | null {
    return this.#upstreamLimit;
  }

  setLimit(limitPerMinute: number): void {
    this.#window.setLimit(limitPerMinute);
  }

  /** From Retry-After on 429/503. Never shortens a pause already in force. */
  pauseUntil(at: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, at);
  }

  /** A response without quota headers (or a failed request): it is no longer in flight. */
  answered(now: number): void {
    this.#expireInFlight(now);
    this.#inFlight.shift();
  }

  observe(observation: QuotaObservation, now: number): void {
    this.answered(now);
    const { limit, remaining, resetAt } = observation;
    if (!(limit > 0) || resetAt <= now) return;
    this.#upstreamLimit = limit;
    // Requests granted but not answered yet will take from the same quota.
    const left = Math.max(0, remaining - this.#inFlight.length);
    const current = this.#quota;
    const sameWindow = current !== undefined && Math.abs(current.resetAt - resetAt) < SAME_WINDOW_MS;
    // Within one window a late (reordered) response must not hand back quota already spent.
    this.#quota = sameWindow ? { left: Math.min(current.left, left), resetAt: current.resetAt } : { left, resetAt };
  }

  /** `headroom`: grants (of our window and of the upstream's quota) to leave for other callers. */
  tryTake(n: number, now: number, headroom = 0): TakeResult {
    if (now < this.#pausedUntil) return wait(this.#pausedUntil - now);
    const quota = this.#quota !== undefined && now < this.#quota.resetAt ? this.#quota : undefined;
    if (quota !== undefined && quota.left < n + headroom) return wait(quota.resetAt - now);
    const result = this.#window.tryTake(n, now, headroom);
    if (!result.granted) return result;
    if (quota !== undefined) quota.left -= n;
    this.#expireInFlight(now);
    for (let i = 0; i < n; i += 1) this.#inFlight.push(now);
    return result;
  }

  used(now: number): number {
    return this.#window.used(now);
  }

  #expireInFlight(now: number): void {
    while ((this.#inFlight[0] ?? now) + this.#inFlightTimeoutMs < now) this.#inFlight.shift();
  }
}

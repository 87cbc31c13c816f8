import { AdaptiveLimiter, type AdaptiveLimiterOptions, type QuotaObservation } from './adaptive-limiter';
import type { Clock, Sleep } from './types';

export interface AdaptiveBudgetOptions extends AdaptiveLimiterOptions {
  clock: Clock;
  sleep: Sleep;
}

export interface AcquireOptions {
  /** Requests of one stream are served in order; streams take turns. */
  stream?: string;
  signal?: AbortSignal;
  /**
   * Grants to leave free for other streams (a background backfill leaves room for the live tail):
   * this request waits while fewer than `headroom` would remain after it.
   */
  headroom?: number;
}

export interface BudgetStats {
  limit: number;
  /** The upstream's limit as it last reported it (may be below ours); null before any report. */
  upstreamLimit: number | null;
  usedInWindow: number;
  pausedUntil: number | null;
  waiting: number;
}

interface Waiter {
  headroom: number;
  resolve: () => void;
}

/**
 * One connector's budget shared by all its streams (users, audit logs, ...). A single pump hands
 * out grants round-robin across streams so a long backfill cannot starve the others. Limit
 * changes, pauses and quota observations wake the pump, so they apply to requests already waiting.
 */
export class AdaptiveBudget {
  readonly #limiter: AdaptiveLimiter;
  readonly #clock: Clock;
  readonly #sleep: Sleep;
  /** Insertion order of the Map is the round-robin order: a served stream moves to the back. */
  readonly #queues = new Map<string, Waiter[]>();
  #pumping = false;
  #wake: (() => void) | undefined;

  constructor(options: AdaptiveBudgetOptions) {
    this.#limiter = new AdaptiveLimiter(options);
    this.#clock = options.clock;
    this.#sleep = options.sleep;
  }

  acquire(options: AcquireOptions = {}): Promise<void> {
    const { stream = 'default', signal, headroom = 0 } = options;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.#remove(stream, waiter);
        reject(abortReason(signal));
      };
      const waiter: Waiter = {
        headroom,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const queue = this.#queues.get(stream);
      if (queue === undefined) this.#queues.set(stream, [waiter]);
      else queue.push(waiter);
      this.#kick();
    });
  }

  setLimit(limitPerMinute: number): void {
    this.#limiter.setLimit(limitPerMinute);
    this.#kick();
  }

  pauseUntil(at: number): void {
    this.#limiter.pauseUntil(at);
    this.#kick();
  }

  observe(observation: QuotaObservation): void {
    this.#limiter.observe(observation, this.#clock());
    this.#kick();
  }

  /** A granted request ended without quota headers (or failed): it no longer counts as in flight. */
  answered(): void {
    this.#limiter.answered(this.#clock());
  }

  stats(): BudgetStats {
    const now = this.#clock();
    let waiting = 0;
    for (const queue of this.#queues.values()) waiting += queue.length;
    const paused = this.#limiter.pausedUntil;
    return {
      limit: this.#limiter.limit,
      upstreamLimit: this.#limiter.upstreamLimit,
      usedInWindow: this.#limiter.used(now),
      pausedUntil: paused > now ? paused : null,
      waiting,
    };
  }

  #kick(): void {
    this.#wake?.();
    if (!this.#pumping) void this.#pump();
  }

  async #pump(): Promise<void> {
    this.#pumping = true;
    try {
      while (this.#queues.size > 0) {
        // Streams in round-robin order; one that must leave headroom does not hold back the others.
        let waitMs = Number.POSITIVE_INFINITY;
        let served = false;
        for (const [stream, queue] of this.#queues) {
          const waiter = queue[0];
          if (waiter === undefined) continue;
          const result = this.#limiter.tryTake(1, this.#clock(), waiter.headroom);
          if (!result.granted) {
            waitMs = Math.min(waitMs, result.waitMs);
            continue;
          }
          queue.shift();
          this.#queues.delete(stream);
          if (queue.length > 0) this.#queues.set(stream, queue);
          waiter.resolve();
          served = true;
          break;
        }
        if (served) continue;
        if (!Number.isFinite(waitMs)) break;
        await this.#sleepUnlessWoken(waitMs);
      }
    } finally {
      this.#pumping = false;
    }
  }

  async #sleepUnlessWoken(ms: number): Promise<void> {
    const cancel = new AbortController();
    const woken = new Promise<void>((resolve) => (this.#wake = resolve));
    try {
      // A sleep that rejects on abort is fine: either way the pump re-evaluates.
      await Promise.race([this.#sleep(ms, cancel.signal).catch(() => undefined), woken]);
    } finally {
      this.#wake = undefined;
      cancel.abort();
    }
  }

  #remove(stream: string, waiter: Waiter): void {
    const queue = this.#queues.get(stream);
    if (queue === undefined) return;
    const index = queue.indexOf(waiter);
    if (index >= 0) queue.splice(index, 1);
    if (queue.length === 0) this.#queues.delete(stream);
  }
}

/** Callers usually abort with an Error; anything else is wrapped so rejections are always Errors. */
const abortReason = (signal: AbortSignal | undefined): Error => {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error('acquire aborted', { cause: reason });
};

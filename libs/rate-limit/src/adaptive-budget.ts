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
}

export interface BudgetStats {
  limit: number;
  usedInWindow: number;
  pausedUntil: number | null;
  waiting: number;
}

interface Waiter {
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
    const { stream = 'default', signal } = options;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.#remove(stream, waiter);
        reject(abortReason(signal));
      };
      const waiter: Waiter = {
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
      for (let next = this.#queues.entries().next(); !next.done; next = this.#queues.entries().next()) {
        const [stream, queue] = next.value;
        const result = this.#limiter.tryTake(1, this.#clock());
        if (!result.granted) {
          await this.#sleepUnlessWoken(result.waitMs);
          continue;
        }
        const waiter = queue.shift();
        this.#queues.delete(stream);
        if (queue.length > 0) this.#queues.set(stream, queue);
        waiter?.resolve();
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

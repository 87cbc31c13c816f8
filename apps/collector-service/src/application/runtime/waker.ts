import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A wait that ends on timeout, on abort, or when someone calls wake(): streams sleep between polls
 * but react at once to a new token, a rate-limit change or a stop.
 */
export class Waker {
  /** Aborted by wake(), then replaced: it wakes the waits pending at that moment, not later ones. */
  #wake = new AbortController();

  constructor(private readonly signal: AbortSignal) {}

  wake(): void {
    this.#wake.abort();
    this.#wake = new AbortController();
  }

  wait(ms: number): Promise<void> {
    return abortableSleep(ms, AbortSignal.any([this.signal, this.#wake.signal]));
  }
}

/** Sleep for the rate limiter: resolves early when aborted. */
export const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  sleep(Math.max(0, ms), undefined, signal ? { signal } : {}).catch((error: unknown) => {
    if (signal?.aborted !== true) throw error;
  });

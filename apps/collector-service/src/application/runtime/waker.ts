/**
 * A wait that ends on timeout, on abort, or when someone calls wake(): streams sleep between polls
 * but react at once to a new token, a rate-limit change or a stop.
 */
export class Waker {
  #wakers = new Set<() => void>();

  constructor(private readonly signal: AbortSignal) {}

  wake(): void {
    const pending = [...this.#wakers];
    this.#wakers.clear();
    for (const resolve of pending) resolve();
  }

  wait(ms: number): Promise<void> {
    if (this.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.signal.removeEventListener('abort', done);
        this.#wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.signal.addEventListener('abort', done, { once: true });
      this.#wakers.add(done);
    });
  }
}

/** Sleep for the rate limiter: resolves early when aborted. */
export const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });

import { LeaseLostError, type Lease, type LeaseStore } from './lease';

/** Runs `tick` every `intervalMs` until the returned function is called (tests drive it by hand). */
export type Every = (intervalMs: number, tick: () => void) => () => void;

const everyInterval: Every = (intervalMs, tick) => {
  const timer = setInterval(tick, intervalMs);
  return () => clearInterval(timer);
};

export interface LeaseKeeperOptions {
  readonly ttlMs: number;
  readonly now: () => number;
  /** Called once when the lease is gone; the worker must stop all work at once. */
  readonly onLost: (error: LeaseLostError) => void;
  /** Called after each successful renewal (the worker refreshes its view of the connector then). */
  readonly onRenewed: () => void;
  readonly every?: Every | undefined;
}

/**
 * Renews the lease every third of its TTL. A renewal that finds the lease taken, or that cannot
 * reach the store before the lease would run out, ends the worker: past expiresAt another instance
 * may already be collecting. `assertHeld` is checked before every upstream request and every
 * checkpoint, with a safety margin so a request never starts in the last moments of a lease.
 */
export class LeaseKeeper<S> {
  #lease: Lease<S>;
  #cancel: (() => void) | undefined;
  #lost = false;
  readonly #margin: number;

  constructor(
    private readonly store: Pick<LeaseStore<S>, 'renew'>,
    lease: Lease<S>,
    private readonly options: LeaseKeeperOptions,
  ) {
    this.#lease = lease;
    this.#margin = Math.min(5_000, Math.floor(options.ttlMs / 5));
  }

  get lease(): Lease<S> {
    return this.#lease;
  }

  start(): void {
    const every = this.options.every ?? everyInterval;
    this.#cancel = every(Math.max(100, Math.floor(this.options.ttlMs / 3)), () => void this.#renew());
  }

  stop(): void {
    this.#cancel?.();
    this.#cancel = undefined;
  }

  assertHeld(): void {
    if (this.#lost || this.options.now() >= this.#lease.expiresAt - this.#margin) this.#lose();
    if (this.#lost) throw new LeaseLostError(this.#lease.leaseId);
  }

  async #renew(): Promise<void> {
    if (this.#lost) return;
    try {
      const renewed = await this.store.renew(this.#lease);
      if (renewed === null) return this.#lose();
      this.#lease = renewed;
      this.options.onRenewed();
    } catch {
      if (this.options.now() >= this.#lease.expiresAt - this.#margin) this.#lose();
    }
  }

  #lose(): void {
    if (this.#lost) return;
    this.#lost = true;
    this.stop();
    this.options.onLost(new LeaseLostError(this.#lease.leaseId));
  }
}

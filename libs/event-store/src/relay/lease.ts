import { TermLeases, type Collection, type HeldTerm, type TermDoc } from '@zc/mongo';

/** The relay's lease documents carry no state: its checkpoints live per stream (checkpoints.ts). */
export type LeaseDoc = TermDoc<never>;

/**
 * At most one active relay per checkpoint id, by the insert-a-term lease of @zc/mongo (atomic on
 * FerretDB too). The relay renews before every batch and passes the term along as its fence.
 *
 * Residual window, documented rather than hidden: a holder paused past its TTL can finish the batch in
 * hand after a successor took over. That yields duplicates (at least once allows them) and its
 * checkpoint write is fenced by term (atomically so on MongoDB; best effort on FerretDB, where the
 * worst case is a checkpoint moved back, i.e. more duplicates, never a lost event).
 */
export class Lease {
  readonly #leases: TermLeases<never>;
  #held: HeldTerm<never> | undefined;

  constructor(
    collection: Collection<LeaseDoc>,
    private readonly leaseId: string,
    private readonly owner: string,
    ttlMs: number,
    now: () => number,
  ) {
    this.#leases = new TermLeases(collection, { ttlMs, now });
  }

  /** The new term (fencing token), or undefined while another live holder has the lease. */
  async acquire(): Promise<number | undefined> {
    this.#held = await this.#leases.acquire(this.leaseId, this.owner);
    return this.#held?.term;
  }

  /** False when the lease was lost (expired before renewal, or a later term exists). */
  async renew(term: number): Promise<boolean> {
    if (this.#held?.term !== term) return false;
    this.#held = await this.#leases.renew(this.#held);
    return this.#held !== undefined;
  }

  /** Lets a waiting instance take over immediately instead of after the TTL. */
  async release(term: number): Promise<void> {
    if (this.#held?.term === term) await this.#leases.release(this.#held);
    this.#held = undefined;
  }
}

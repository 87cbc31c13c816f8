import { isDuplicateKeyError, type Collection } from '@zc/mongo';

/** One document per term; the term is the fencing token. */
export interface LeaseDoc {
  _id: string;
  leaseId: string;
  term: number;
  owner: string;
  /** Epoch milliseconds by the holder's clock; holders' clocks must agree to well within the TTL. */
  expiresAt: number;
}

const termId = (leaseId: string, term: number) => `${leaseId}#${String(term)}`;

/**
 * At most one active relay per checkpoint id. Taking the lease means INSERTING the next term's
 * document, because on FerretDB 1.24 only a unique-index insert is atomic (a conditional update lets
 * every racer win). So two candidates can never both own term n+1. A candidate may insert the next
 * term only when the latest one has expired (or was released); the holder renews before every batch
 * by extending its own term's document, then checks that no later term exists.
 *
 * Residual window, documented rather than hidden: a holder paused past its TTL can finish the batch in
 * hand after a successor took over. That yields duplicates (at least once allows them) and its
 * checkpoint write is fenced by term (atomically so on MongoDB; best effort on FerretDB, where the
 * worst case is a checkpoint moved back, i.e. more duplicates, never a lost event).
 */
export class Lease {
  constructor(
    private readonly collection: Collection<LeaseDoc>,
    private readonly leaseId: string,
    private readonly owner: string,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** The new term (fencing token), or undefined while another live holder has the lease. */
  async acquire(): Promise<number | undefined> {
    const [latest] = await this.collection.find({ leaseId: this.leaseId }).sort({ term: -1 }).limit(1).toArray();
    const now = this.now();
    if (latest && latest.owner !== this.owner && latest.expiresAt > now) return undefined;
    const term = (latest?.term ?? 0) + 1;
    try {
      await this.collection.insertOne({
        _id: termId(this.leaseId, term),
        leaseId: this.leaseId,
        term,
        owner: this.owner,
        expiresAt: now + this.ttlMs,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) return undefined;
      throw error;
    }
    // Older terms are history; keep the collection (scanned on FerretDB) small.
    await this.collection.deleteMany({ leaseId: this.leaseId, term: { $lt: term - 1 } });
    return term;
  }

  /** False when the lease was lost (a later term exists). */
  async renew(term: number): Promise<boolean> {
    const renewed = await this.collection.updateOne(
      { _id: termId(this.leaseId, term) },
      { $set: { expiresAt: this.now() + this.ttlMs } },
    );
    if (renewed.matchedCount === 0) return false;
    return (await this.collection.findOne({ _id: termId(this.leaseId, term + 1) })) === null;
  }

  /** Lets a waiting instance take over immediately instead of after the TTL. */
  async release(term: number): Promise<void> {
    await this.collection.updateOne({ _id: termId(this.leaseId, term) }, { $set: { expiresAt: 0 } });
  }
}

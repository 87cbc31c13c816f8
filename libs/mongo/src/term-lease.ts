import type { Collection } from 'mongodb';
import { isDuplicateKeyError } from './errors';
import { ensureIndexes } from './indexes';

/** One document per term of one lease; the term is the fencing token. */
export interface TermDoc<S> {
  _id: string;
  leaseId: string;
  term: number;
  owner: string;
  /** Epoch milliseconds by the holder's clock; holders' clocks must agree to well within the TTL. */
  expiresAt: number;
  /** What the holder of this term checkpointed; a new term starts from its predecessor's. */
  state: S | null;
}

export interface HeldTerm<S> {
  readonly leaseId: string;
  readonly owner: string;
  readonly term: number;
  readonly expiresAt: number;
  /** The state inherited from the previous term (or saved since) when the term was taken. */
  readonly state: S | null;
}

export interface TermLeaseOptions {
  readonly ttlMs: number;
  readonly now: () => number;
}

const termId = (leaseId: string, term: number) => `${leaseId}#${String(term)}`;

/**
 * At most one holder per lease id, even on FerretDB 1.24, where a conditional update lets every
 * racer win and only a unique-index insert is atomic. Taking the lease means INSERTING the next
 * term's document, so two candidates can never both own term n+1; a candidate may do so only once
 * the latest term has expired or was released.
 *
 * The holder writes only its own term's document: renewals extend it, checkpoints go into it. A
 * stale holder (paused, partitioned) therefore cannot move its successor's checkpoint: the successor
 * copied the state when it inserted its term, and reads nothing the stale holder writes afterwards.
 * A renewal counts only if it was stored before the term expired (a late one could have been read
 * as expired by a successor already) and no later term exists.
 */
export class TermLeases<S> {
  constructor(
    private readonly collection: Collection<TermDoc<S>>,
    private readonly options: TermLeaseOptions,
  ) {}

  static async open<S>(collection: Collection<TermDoc<S>>, options: TermLeaseOptions): Promise<TermLeases<S>> {
    await ensureIndexes(collection, [{ key: { leaseId: 1, term: -1 }, name: 'leaseId_1_term_-1' }]);
    return new TermLeases(collection, options);
  }

  async latest(leaseId: string): Promise<TermDoc<S> | null> {
    const [latest] = await this.collection.find({ leaseId }).sort({ term: -1 }).limit(1).toArray();
    return (latest as TermDoc<S> | undefined) ?? null;
  }

  /** The latest term of every lease, by lease id. */
  async latestOfEach(): Promise<Map<string, TermDoc<S>>> {
    const latest = new Map<string, TermDoc<S>>();
    for (const doc of (await this.collection.find({}).toArray()) as TermDoc<S>[]) {
      const seen = latest.get(doc.leaseId);
      if (!seen || seen.term < doc.term) latest.set(doc.leaseId, doc);
    }
    return latest;
  }

  /** The next term, or undefined while another live holder has the lease (or won the race). */
  async acquire(leaseId: string, owner: string): Promise<HeldTerm<S> | undefined> {
    const latest = await this.latest(leaseId);
    const now = this.options.now();
    if (latest && latest.owner !== owner && latest.expiresAt > now) return undefined;
    const held: HeldTerm<S> = {
      leaseId,
      owner,
      term: (latest?.term ?? 0) + 1,
      expiresAt: now + this.options.ttlMs,
      state: latest?.state ?? null,
    };
    try {
      await this.collection.insertOne({ _id: termId(leaseId, held.term), ...held });
    } catch (error) {
      if (isDuplicateKeyError(error)) return undefined;
      throw error;
    }
    // Older terms are history; keep the collection (scanned on FerretDB) small.
    await this.collection.deleteMany({ leaseId, term: { $lt: held.term - 1 } });
    return held;
  }

  /** The extended term, or undefined when it is lost (expired before the renewal landed, or superseded). */
  async renew(held: HeldTerm<S>): Promise<HeldTerm<S> | undefined> {
    if (this.options.now() >= held.expiresAt) return undefined;
    const expiresAt = this.options.now() + this.options.ttlMs;
    const renewed = await this.collection.updateOne({ _id: termId(held.leaseId, held.term) }, { $set: { expiresAt } });
    if (renewed.matchedCount === 0 || this.options.now() >= held.expiresAt) return undefined;
    if ((await this.collection.findOne({ _id: termId(held.leaseId, held.term + 1) })) !== null) return undefined;
    return { ...held, expiresAt };
  }

  /** Checkpoints into the holder's own term; false when that term is gone (two or more terms behind). */
  async save(held: HeldTerm<S>, state: S): Promise<boolean> {
    const saved = await this.collection.updateOne({ _id: termId(held.leaseId, held.term) }, { $set: { state } });
    return saved.matchedCount === 1;
  }

  /** Lets a waiting candidate take over at once instead of after the TTL. */
  async release(held: HeldTerm<S>): Promise<void> {
    await this.collection.updateOne({ _id: termId(held.leaseId, held.term) }, { $set: { expiresAt: 0 } });
  }
}

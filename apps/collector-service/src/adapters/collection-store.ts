import { ensureIndexes, isDuplicateKeyError, type Collection, type MongoHandle } from '@zc/mongo';
import type { CollectionState } from '../domain/collection-state';

/**
 * One document per connector: the lease that makes one instance its collector, and the checkpoint
 * that instance keeps. The fence is incremented on every acquisition, and every checkpoint write
 * is conditioned on (owner, fence): an instance that lost the lease (paused, partitioned, presumed
 * dead) can never move a checkpoint its successor owns.
 */
export interface CollectionDoc {
  _id: string;
  lease: { owner: string | null; fence: number; expiresAt: number };
  state: CollectionState | null;
}

export interface Lease {
  readonly connectorId: string;
  readonly owner: string;
  readonly fence: number;
  readonly expiresAt: number;
}

export class LeaseLostError extends Error {
  readonly code = 'COLLECTOR_LEASE_LOST';
  constructor(connectorId: string) {
    super(`lease on connector ${connectorId} was lost; stopping its collection`);
    this.name = 'LeaseLostError';
  }
}

export interface CollectionStore {
  tryAcquire(connectorId: string, owner: string, ttlMs: number, now: number): Promise<Lease | null>;
  /** Extends a lease still held; null when another instance took it (the caller must stop at once). */
  renew(lease: Lease, ttlMs: number, now: number): Promise<Lease | null>;
  release(lease: Lease): Promise<void>;
  load(connectorId: string): Promise<CollectionDoc | null>;
  /** Writes the checkpoint under the lease's fence; throws LeaseLostError when the fence moved on. */
  save(lease: Lease, state: CollectionState): Promise<void>;
  all(): Promise<CollectionDoc[]>;
}

export async function createCollectionStore(mongo: MongoHandle): Promise<CollectionStore> {
  const docs: Collection<CollectionDoc> = mongo.collection<CollectionDoc>('collections');
  await ensureIndexes(docs, [{ key: { 'lease.expiresAt': 1 }, name: 'lease_expiresAt_1' }]);
  const held = (lease: Lease) => ({ _id: lease.connectorId, 'lease.owner': lease.owner, 'lease.fence': lease.fence });

  return {
    async tryAcquire(connectorId, owner, ttlMs, now) {
      await docs
        .updateOne(
          { _id: connectorId },
          { $setOnInsert: { lease: { owner: null, fence: 0, expiresAt: 0 }, state: null } },
          { upsert: true },
        )
        .catch((error: unknown) => {
          // Losing the insert race to another instance is fine; anything else is not.
          if (!isDuplicateKeyError(error)) throw error;
        });
      const doc = await docs.findOneAndUpdate(
        { _id: connectorId, $or: [{ 'lease.expiresAt': { $lte: now } }, { 'lease.owner': owner }] },
        { $set: { 'lease.owner': owner, 'lease.expiresAt': now + ttlMs }, $inc: { 'lease.fence': 1 } },
        { returnDocument: 'after' },
      );
      if (!doc) return null;
      return { connectorId, owner, fence: doc.lease.fence, expiresAt: doc.lease.expiresAt };
    },
    async renew(lease, ttlMs, now) {
      const expiresAt = now + ttlMs;
      const result = await docs.updateOne(held(lease), { $set: { 'lease.expiresAt': expiresAt } });
      return result.matchedCount === 1 ? { ...lease, expiresAt } : null;
    },
    async release(lease) {
      await docs.updateOne(held(lease), { $set: { 'lease.owner': null, 'lease.expiresAt': 0 } });
    },
    load: (connectorId) => docs.findOne({ _id: connectorId }),
    async save(lease, state) {
      const result = await docs.updateOne(held(lease), { $set: { state } });
      if (result.matchedCount !== 1) throw new LeaseLostError(lease.connectorId);
    },
    all: () => docs.find({}).toArray(),
  };
}

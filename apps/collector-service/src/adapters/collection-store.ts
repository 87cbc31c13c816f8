import { TermLeases, type Collection, type MongoHandle, type TermDoc } from '@zc/mongo';
import type { CollectionStore } from '../application/ports';
import { LeaseLostError } from '../application/runtime/lease';
import type { CollectionState } from '../domain/collection-state';

/**
 * One document per connector and lease term: the term makes one instance the connector's
 * collector, and that instance checkpoints into its own term's document only. A new term starts
 * from its predecessor's checkpoint, so an instance that lost the lease (paused, partitioned,
 * presumed dead) can never move the checkpoint its successor works from.
 */
type CollectionTermDoc = TermDoc<CollectionState>;

export async function createCollectionStore(
  mongo: MongoHandle,
  options: { ttlMs: number; now: () => number },
): Promise<CollectionStore> {
  const docs: Collection<CollectionTermDoc> = mongo.collection<CollectionTermDoc>('collection_terms');
  const leases = await TermLeases.open(docs, options);
  return {
    tryAcquire: async (connectorId, owner) => (await leases.acquire(connectorId, owner)) ?? null,
    renew: async (lease) => (await leases.renew(lease)) ?? null,
    release: (lease) => leases.release(lease),
    load: (connectorId) => leases.latest(connectorId),
    async save(lease, state) {
      if (!(await leases.save(lease, state))) throw new LeaseLostError(lease.leaseId);
    },
    all: async () => [...(await leases.latestOfEach()).values()],
  };
}

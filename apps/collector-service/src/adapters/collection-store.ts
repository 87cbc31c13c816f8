import { TermLeases, type Collection, type HeldTerm, type MongoHandle, type TermDoc } from '@zc/mongo';
import type { CollectionState } from '../domain/collection-state';

/**
 * One document per connector and lease term: the term makes one instance the connector's
 * collector, and that instance checkpoints into its own term's document only. A new term starts
 * from its predecessor's checkpoint, so an instance that lost the lease (paused, partitioned,
 * presumed dead) can never move the checkpoint its successor works from.
 */
export type CollectionDoc = TermDoc<CollectionState>;

/** The lease one worker holds; `term` is its fencing token. */
export type Lease = HeldTerm<CollectionState>;

export class LeaseLostError extends Error {
  readonly code = 'COLLECTOR_LEASE_LOST';
  constructor(connectorId: string) {
    super(`lease on connector ${connectorId} was lost; stopping its collection`);
    this.name = 'LeaseLostError';
  }
}

export interface CollectionStore {
  /** A new term with the checkpoint it inherits, or null while another instance holds the connector. */
  tryAcquire(connectorId: string, owner: string): Promise<Lease | null>;
  /** Extends a lease still held; null when it is lost (the caller must stop at once). */
  renew(lease: Lease): Promise<Lease | null>;
  release(lease: Lease): Promise<void>;
  /** The latest term of a connector, with its checkpoint. */
  load(connectorId: string): Promise<CollectionDoc | null>;
  /** Writes the checkpoint into the lease's own term; throws LeaseLostError when the term is gone. */
  save(lease: Lease, state: CollectionState): Promise<void>;
  /** The latest term of every connector. */
  all(): Promise<CollectionDoc[]>;
}

export async function createCollectionStore(
  mongo: MongoHandle,
  options: { ttlMs: number; now: () => number },
): Promise<CollectionStore> {
  const docs: Collection<CollectionDoc> = mongo.collection<CollectionDoc>('collection_terms');
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

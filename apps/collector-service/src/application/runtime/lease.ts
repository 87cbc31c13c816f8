/** The lease one worker holds on a connector; `term` is its fencing token, `state` its checkpoint. */
export interface Lease<S> {
  readonly leaseId: string;
  readonly owner: string;
  readonly term: number;
  readonly expiresAt: number;
  /** The checkpoint inherited from the previous term (or saved since) when the term was taken. */
  readonly state: S | null;
}

/** Who holds a connector, as the scheduler reads it. */
export interface LeaseRecord {
  readonly _id: string;
  readonly owner: string;
  readonly expiresAt: number;
}

/** Where the runtime takes, keeps and checkpoints into leases (the adapters implement it). */
export interface LeaseStore<S> {
  /** A new term with the checkpoint it inherits, or null while another instance holds the connector. */
  tryAcquire(connectorId: string, owner: string): Promise<Lease<S> | null>;
  /** Extends a lease still held; null when it is lost (the caller must stop at once). */
  renew(lease: Lease<S>): Promise<Lease<S> | null>;
  release(lease: Lease<S>): Promise<void>;
  /** Writes the checkpoint into the lease's own term; throws LeaseLostError when the term is gone. */
  save(lease: Lease<S>, state: S): Promise<void>;
  /** The latest term of every connector. */
  all(): Promise<readonly LeaseRecord[]>;
}

export class LeaseLostError extends Error {
  readonly code = 'COLLECTOR_LEASE_LOST';
  constructor(connectorId: string) {
    super(`lease on connector ${connectorId} was lost; stopping its collection`);
    this.name = 'LeaseLostError';
  }
}

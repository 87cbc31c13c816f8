import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store';
import type { NewEvent } from '../types';
import { loadCheckpoints, type CheckpointDoc } from './checkpoints';
import { measureLag, type RelayLag } from './lag';
import { Lease, type LeaseDoc } from './lease';
import type { PublishPort, RelayLogger } from './ports';
import { relayLoop } from './relay-loop';

export type { PublishPort, RelayLogger } from './ports';

export interface OutboxRelayOptions<E extends NewEvent> {
  store: EventStore<E>;
  publish: PublishPort<E>;
  /** Names the relay's progress; one active relay per id (lease). */
  checkpointId: string;
  batchSize: number;
  pollIntervalMs: number;
  logger: RelayLogger;
  /** How long a silent leader keeps the lease before another instance takes over. Default 15 s. */
  leaseTtlMs?: number;
  /** Ceiling of the exponential backoff after a failed publish or store call. Default 10 s. */
  maxBackoffMs?: number;
  ownerId?: string;
  now?: () => number;
  leaseCollection?: string;
  checkpointCollection?: string;
}

export interface OutboxRelay {
  start(): void;
  /** Finishes the batch in hand (publish and checkpoint), releases the lease, resolves when idle. */
  stop(): Promise<void>;
  /**
   * Crash simulation: the loop stops after the call it is in, without checkpointing a batch it has
   * just published and without releasing the lease (others wait for the TTL). Await `stop()` after it
   * to know the loop has exited.
   */
  kill(): void;
  /** Versions published and checkpointed by this instance, per stream: the tests' progress signal. */
  publishedThrough(): ReadonlyMap<string, number>;
  isLeader(): boolean;
  lag(): Promise<RelayLag>;
}

export function createOutboxRelay<E extends NewEvent>(options: OutboxRelayOptions<E>): OutboxRelay {
  const now = options.now ?? Date.now;
  const mongo = options.store.mongo;
  const checkpoints = mongo.collection<CheckpointDoc>(options.checkpointCollection ?? 'outbox_checkpoints');
  const lease = new Lease(
    mongo.collection<LeaseDoc>(options.leaseCollection ?? 'outbox_leases'),
    options.checkpointId,
    options.ownerId ?? randomUUID(),
    options.leaseTtlMs ?? 15_000,
    now,
  );
  const loop = relayLoop({
    store: options.store,
    publish: options.publish,
    checkpointId: options.checkpointId,
    batchSize: options.batchSize,
    pollIntervalMs: options.pollIntervalMs,
    maxBackoffMs: options.maxBackoffMs ?? 10_000,
    logger: options.logger,
    lease,
    checkpoints,
    now,
  });
  return {
    start: () => loop.start(),
    stop: () => loop.stop(),
    kill: () => loop.kill(),
    publishedThrough: () => new Map(loop.state.published),
    isLeader: () => loop.state.fence !== undefined,
    async lag() {
      return measureLag(options.store, await loadCheckpoints(checkpoints, options.checkpointId), now());
    },
  };
}

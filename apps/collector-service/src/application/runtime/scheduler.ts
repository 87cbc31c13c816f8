import type { Lease, LeaseRecord, LeaseStore } from './lease';
import type { RuntimeLogger } from './stream';

/** A connector that should be collected, and the `connector.events` partition it lives on. */
export interface Schedulable {
  readonly _id: string;
  readonly partition: number;
}

/** What the scheduler starts and stops: one connector's worker while this instance holds its lease. */
export interface ScheduledWorker<S> {
  readonly connectorId: string;
  readonly lease: Lease<S>;
  /** Runs until stopped, the lease is lost, or the connector is no longer to be collected. */
  run(): Promise<void>;
  /** The connector changed: re-read it and wake the streams. */
  notify(): void;
  stop(): Promise<void>;
  crash(): void;
}

export interface SchedulerOptions<S, V extends Schedulable> {
  readonly instanceId: string;
  readonly leaseTtlMs: number;
  readonly now: () => number;
  readonly connectors: { listActive(): Promise<readonly V[]> };
  readonly collections: Pick<LeaseStore<S>, 'tryAcquire' | 'release' | 'all'>;
  readonly createWorker: (lease: Lease<S>, view: V) => ScheduledWorker<S>;
  readonly maxConnectors: number;
  readonly tickMs: number;
  readonly logger: RuntimeLogger;
}

interface Running<S> {
  readonly worker: ScheduledWorker<S>;
  readonly done: Promise<void>;
}

/**
 * Which instance collects which connector.
 *
 * Any instance may collect any connector; the term lease (LeaseStore) guarantees at
 * most one at a time. To spread the work, an instance tries first the connectors whose
 * `connector.events` partition it consumes (the consumer group already spreads partitions across
 * instances); a connector of another partition it takes only once the lease has been free for a
 * whole TTL, i.e. its preferred owner is gone or full. MAX_CONNECTORS_PER_INSTANCE caps each
 * instance, so adding instances adds connectors collected in parallel. After a crash the lease
 * expires and the next tick of any instance takes the connector over, resuming from its checkpoint.
 */
export class Scheduler<S, V extends Schedulable> {
  readonly #running = new Map<string, Running<S>>();
  readonly #partitions = new Set<number>();
  #timer: NodeJS.Timeout | undefined;
  #ticking = false;
  #stopped = false;

  constructor(private readonly options: SchedulerOptions<S, V>) {}

  start(): void {
    this.#timer = setInterval(() => void this.tick(), this.options.tickMs);
    void this.tick();
  }

  /** From the consumer: this instance consumes `partition`; a connector on it changed. */
  notify(connectorId: string, partition: number): void {
    this.#partitions.add(partition);
    const running = this.#running.get(connectorId);
    if (running) {
      running.worker.notify();
      return;
    }
    void this.tick();
  }

  running(): string[] {
    return [...this.#running.keys()];
  }

  async tick(): Promise<void> {
    if (this.#ticking || this.#stopped) return;
    this.#ticking = true;
    try {
      const { connectors, collections, createWorker, instanceId, maxConnectors } = this.options;
      const active = await connectors.listActive();
      const leases = new Map((await collections.all()).map((doc) => [doc._id, doc]));
      const now = this.options.now();
      const candidates = active
        .filter((view) => !this.#running.has(view._id))
        .filter((view) => this.#mayTry(view, leases.get(view._id), now))
        .sort((a, b) => Number(this.#partitions.has(b.partition)) - Number(this.#partitions.has(a.partition)));
      for (const view of candidates) {
        if (this.#running.size >= maxConnectors || this.#stopped) break;
        const lease = await collections.tryAcquire(view._id, instanceId);
        if (lease) this.#launch(createWorker(lease, view));
      }
    } catch (error) {
      this.options.logger.warn({ err: error }, 'scheduling tick failed; retrying next tick');
    } finally {
      this.#ticking = false;
    }
  }

  #mayTry(view: V, lease: LeaseRecord | undefined, now: number): boolean {
    if (lease === undefined || lease.owner === this.options.instanceId) return true;
    if (this.#partitions.has(view.partition)) return lease.expiresAt <= now;
    return lease.expiresAt + this.options.leaseTtlMs <= now;
  }

  #launch(worker: ScheduledWorker<S>): void {
    const { logger } = this.options;
    logger.info({ connectorId: worker.connectorId, term: worker.lease.term }, 'collecting connector');
    const done = worker
      .run()
      .catch((error: unknown) => logger.error({ connectorId: worker.connectorId, err: error }, 'worker failed'))
      .finally(async () => {
        this.#running.delete(worker.connectorId);
        if (!this.#stopped) {
          // Not a crash: the worker ended (disconnect, lease lost); give the lease back if still ours.
          await this.options.collections.release(worker.lease).catch(() => undefined);
          void this.tick();
        }
      });
    this.#running.set(worker.connectorId, { worker, done });
  }

  /** Graceful: every worker stops and hands its lease back, so others take over at once. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    const running = [...this.#running.values()];
    await Promise.all(
      running.map(async ({ worker, done }) => {
        await worker.stop();
        await done;
      }),
    );
  }

  /** kill -9 stand-in for tests: everything stops, nothing is released or flushed. */
  crash(): void {
    this.#stopped = true;
    clearInterval(this.#timer);
    for (const { worker } of this.#running.values()) worker.crash();
    this.#running.clear();
  }
}

import { CheckpointQueue } from './checkpoint-queue';
import { LeaseLostError, type Lease, type LeaseStore } from './lease';
import { LeaseKeeper, type Every } from './lease-keeper';
import type { RuntimeLogger, Stream, StreamContext } from './stream';
import { Waker } from './waker';

export interface CollectionRuntimeOptions<S> {
  readonly connectorId: string;
  readonly lease: Lease<S>;
  /** The state the streams start from (usually the checkpoint the lease inherited). */
  readonly initial: S;
  readonly store: Pick<LeaseStore<S>, 'renew' | 'save' | 'release'>;
  readonly ttlMs: number;
  readonly now: () => number;
  readonly logger: RuntimeLogger;
  /** After each lease renewal (the owner refreshes its view, sends a heartbeat). */
  readonly onRenewed?: () => void;
  /** The renewal timer; tests drive it by hand. */
  readonly every?: Every;
}

/**
 * What one connector's worker is made of, whatever it collects: the lease keeper, one checkpoint
 * queue for all its streams (publish first, then the fenced checkpoint, so sequences stay
 * gap-free), one waker, one stop signal. Its streams run side by side while the lease is held; a
 * lost lease aborts them at once, and from then on no step runs and nothing is checkpointed.
 */
export class CollectionRuntime<S> implements StreamContext<S> {
  readonly connectorId: string;
  readonly waker: Waker;
  readonly #abort = new AbortController();
  readonly #keeper: LeaseKeeper<S>;
  readonly #queue: CheckpointQueue<S>;

  constructor(private readonly options: CollectionRuntimeOptions<S>) {
    this.connectorId = options.connectorId;
    this.waker = new Waker(this.#abort.signal);
    this.#keeper = new LeaseKeeper(options.store, options.lease, {
      ttlMs: options.ttlMs,
      now: options.now,
      every: options.every,
      onLost: () => {
        options.logger.warn({ connectorId: this.connectorId }, 'lease lost; stopping collection at once');
        this.#abort.abort();
      },
      onRenewed: () => options.onRenewed?.(),
    });
    this.#queue = new CheckpointQueue(options.initial, {
      save: (state) => options.store.save(this.#keeper.lease, state),
      assertRunning: () => this.assertRunning(),
    });
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }
  get state(): S {
    return this.#queue.state;
  }
  get lease(): Lease<S> {
    return this.#keeper.lease;
  }
  now(): number {
    return this.options.now();
  }

  txn(step: (state: S) => Promise<S> | S): Promise<void> {
    return this.#queue.run(step);
  }

  /** Throws when this worker may no longer act: stopped, or its lease is gone or about to run out. */
  assertRunning(): void {
    if (this.signal.aborted) throw new LeaseLostError(this.connectorId);
    this.#keeper.assertHeld();
  }

  /**
   * Keeps the lease while `begin` (if any) and then every stream run, until all of them return:
   * they do when the signal aborts.
   */
  async run<C>(context: C, streams: readonly Stream<C>[], begin?: () => Promise<void>): Promise<void> {
    this.#keeper.start();
    try {
      await begin?.();
      await Promise.all(streams.map((stream) => stream(context)));
    } finally {
      this.#keeper.stop();
    }
  }

  /** Ends the streams now (a disconnect, a newer generation); the lease stays until stop/release. */
  abort(): void {
    this.#abort.abort();
  }

  /** Graceful stop: finish nothing more, keep the checkpoint, hand the lease back. */
  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#queue.drained();
    await this.options.store.release(this.#keeper.lease).catch(() => undefined);
  }

  /** kill -9 stand-in: stop everything, release nothing; another instance takes over after the TTL. */
  crash(): void {
    this.#keeper.stop();
    this.#abort.abort();
  }
}

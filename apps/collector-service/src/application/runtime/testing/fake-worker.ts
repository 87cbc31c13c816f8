import { CollectionRuntime } from '../collection-runtime';
import { LeaseLostError, type Lease, type LeaseStore } from '../lease';
import type { Stream, StreamContext } from '../stream';

/** The fake stream's checkpoint: how many items it has published (the next sequence). */
export interface FakeState {
  readonly published: number;
}

/** Resolves waiters once a count reaches a value: the tests' progress signal, never a sleep. */
export class Counter {
  value = 0;
  readonly #waiters: { at: number; resolve: () => void }[] = [];

  bump(): void {
    this.value += 1;
    for (const waiter of this.#waiters.filter(({ at }) => at <= this.value)) {
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  until(at: number): Promise<void> {
    if (this.value >= at) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ at, resolve }));
  }
}

/** The lease store the runtime calls, in memory: renewals answer what the test says; saves are recorded. */
export class FakeLeaseStore implements LeaseStore<FakeState> {
  readonly saves: { term: number; state: FakeState; publishedBefore: number }[] = [];
  readonly released: Lease<FakeState>[] = [];
  /** What the next renewal answers: the lease extended by this many ms, or null (taken by another). */
  renewal: number | null = 30_000;
  /** Set to make the next save fail (MongoDB unreachable). */
  failSave: Error | null = null;

  constructor(
    private readonly clock: { now: number },
    private readonly sink: { published: number[] },
  ) {}

  tryAcquire(): Promise<Lease<FakeState> | null> {
    return Promise.resolve(null);
  }
  renew(lease: Lease<FakeState>): Promise<Lease<FakeState> | null> {
    const extend = this.renewal;
    return Promise.resolve(extend === null ? null : { ...lease, expiresAt: this.clock.now + extend });
  }
  release(lease: Lease<FakeState>): Promise<void> {
    this.released.push(lease);
    return Promise.resolve();
  }
  save(lease: Lease<FakeState>, state: FakeState): Promise<void> {
    const failure = this.failSave;
    this.failSave = null;
    if (failure !== null) return Promise.reject(failure);
    this.saves.push({ term: lease.term, state, publishedBefore: this.sink.published.length });
    return Promise.resolve();
  }
  all(): Promise<readonly never[]> {
    return Promise.resolve([]);
  }
}

export const TTL_MS = 30_000;

/** A runtime on fakes: a clock the test moves, a renewal timer the test ticks, an in-memory sink. */
export function fakeWorker(options: { state?: FakeState } = {}) {
  const clock = { now: 1_000_000 };
  const sink = { published: [] as number[] };
  const store = new FakeLeaseStore(clock, sink);
  const renewals: { tick: (() => void) | undefined } = { tick: undefined };
  const lease: Lease<FakeState> = {
    leaseId: 'connector-1',
    owner: 'instance-a',
    term: 7,
    expiresAt: clock.now + TTL_MS,
    state: options.state ?? null,
  };
  const runtime = new CollectionRuntime<FakeState>({
    connectorId: 'connector-1',
    lease,
    initial: options.state ?? { published: 0 },
    store,
    ttlMs: TTL_MS,
    now: () => clock.now,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    every: (_ms, tick) => {
      renewals.tick = tick;
      return () => (renewals.tick = undefined);
    },
  });
  return { clock, sink, store, renewals, runtime };
}

/**
 * A stream that publishes one item per pass (its sequence from the checkpoint), checkpoints, then
 * waits an hour or until woken. Counts its passes and the times it starts waiting.
 */
export function fakeStream(sink: { published: number[] }, publish?: (sequence: number) => Promise<void>) {
  const passes = new Counter();
  const waits = new Counter();
  const stream: Stream<StreamContext<FakeState>> = async (context) => {
    while (!context.signal.aborted) {
      try {
        await context.txn(async (state) => {
          await publish?.(state.published);
          sink.published.push(state.published);
          return { published: state.published + 1 };
        });
      } catch (error) {
        if (error instanceof LeaseLostError) return;
        // A failed publish or checkpoint: the next pass starts again from the checkpoint.
      }
      passes.bump();
      const waiting = context.waker.wait(3_600_000);
      waits.bump();
      await waiting;
    }
  };
  return { stream, passes, waits };
}

/** A promise the test resolves or rejects by hand (a publish in flight). */
export function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run (not a sleep: no time passes on any clock). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

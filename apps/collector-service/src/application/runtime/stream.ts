/** What the runtime's log lines need (pino and the Kafka logger both fit). */
export interface RuntimeLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/**
 * What every stream may use of the runtime, whatever it collects: its connector, the stop signal,
 * the clock, the last checkpoint, a wait that a wake-up cuts short, and the checkpoint queue.
 * Providers' streams get this plus their own narrow additions (streams/zendesk/stream-context.ts).
 */
export interface StreamContext<S> {
  readonly connectorId: string;
  /** Aborted when the worker stops: lease lost, disconnected, stopped or crashed. */
  readonly signal: AbortSignal;
  /** The state as last checkpointed. */
  readonly state: S;
  readonly waker: { wait(ms: number): Promise<void> };
  now(): number;
  /**
   * Queues a step: it publishes, then returns the state that records what it published; that state
   * is checkpointed (fenced) before the next step runs. Throws LeaseLostError once the lease is gone.
   */
  txn(step: (state: S) => Promise<S> | S): Promise<void>;
}

/** One stream of a worker: runs until the context's signal aborts. */
export type Stream<C> = (context: C) => Promise<void>;

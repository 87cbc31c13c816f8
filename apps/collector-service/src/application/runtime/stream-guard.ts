import { LeaseLostError } from './lease';
import type { RuntimeLogger, StreamContext } from './stream';

export type StepOutcome = { wait: number } | 'stop';

/** What a failed or successful step means: the provider's part of the guard (capability health, credentials). */
export interface FailurePolicy<Capability extends string> {
  /** While steps must not run (a refused credential awaiting a new one): how long to wait before asking again. */
  blockedFor(): number | null;
  /** After a step succeeded: a failing capability recovers. */
  succeeded(capability: Capability): Promise<void>;
  /** Records a failure (may throw, e.g. when the lease is gone) and says how long to wait. */
  failed(capability: Capability, attempts: { n: number }, error: unknown): Promise<StepOutcome>;
}

export interface GuardedContext<Capability extends string> extends Pick<
  StreamContext<unknown>,
  'connectorId' | 'signal'
> {
  readonly logger: RuntimeLogger;
  readonly failures: FailurePolicy<Capability>;
}

/** Doubling backoff for transient failures, capped. */
export const transientBackoffMs = (attempt: number, capMs: number): number =>
  Math.min(capMs, 250 * 2 ** Math.max(0, attempt - 1));

/**
 * Runs one step of a stream and turns its failure into a wait (the policy reports it as capability
 * health): a lost lease or a stop ends the stream; anything else is retried after the policy's
 * wait, or a capped backoff when even recording the failure failed. Nothing here throws: a worker
 * keeps going.
 */
export async function guardedStep<Capability extends string>(
  worker: GuardedContext<Capability>,
  capability: Capability,
  attempts: { n: number },
  step: () => Promise<void>,
): Promise<StepOutcome> {
  if (worker.signal.aborted) return 'stop';
  const blocked = worker.failures.blockedFor();
  if (blocked !== null) return { wait: blocked };
  try {
    await step();
    attempts.n = 0;
    await worker.failures.succeeded(capability);
    return { wait: 0 };
  } catch (error) {
    if (worker.signal.aborted || error instanceof LeaseLostError) return 'stop';
    return await worker.failures.failed(capability, attempts, error).catch((nested: unknown) => {
      if (worker.signal.aborted || nested instanceof LeaseLostError) return 'stop' as const;
      worker.logger.error({ connectorId: worker.connectorId, err: nested }, 'could not record a failure');
      return { wait: transientBackoffMs(attempts.n, 30_000) };
    });
  }
}

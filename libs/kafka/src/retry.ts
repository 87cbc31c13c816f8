export interface RetryPolicy {
  /** Attempts in total, the first included; 1 means no retry. */
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

/**
 * Delay before attempt `attempt + 1` after `attempt` failures (1-based): doubling from the
 * initial delay, capped. No jitter: each partition has a single consumer, so there is no herd to spread.
 */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** exponent);
}

export type AttemptOutcome = { ok: true } | { ok: false; error: unknown; abandoned: boolean };

export interface AttemptOptions {
  policy: RetryPolicy;
  isRetriable: (error: unknown) => boolean;
  /** False once the consumer stops or loses the partition: waiting further is pointless. */
  shouldContinue: () => boolean;
  /** Called before each wait, e.g. to heartbeat and log. */
  onRetry: (error: unknown, attempt: number, delayMs: number) => Promise<void>;
  sleep: (ms: number) => Promise<void>;
}

/** Runs `work` until it succeeds, fails non-retriably, runs out of attempts, or must be abandoned. */
export async function attemptWithRetry(work: () => Promise<void>, options: AttemptOptions): Promise<AttemptOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await work();
      return { ok: true };
    } catch (error) {
      if (attempt >= options.policy.maxAttempts || !options.isRetriable(error)) {
        return { ok: false, error, abandoned: false };
      }
      const delay = backoffMs(attempt, options.policy);
      await options.onRetry(error, attempt, delay);
      await options.sleep(delay);
      if (!options.shouldContinue()) return { ok: false, error, abandoned: true };
    }
  }
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

import { ServiceUnavailableError } from '@zc/errors';
import pLimit from 'p-limit';

export interface AdmissionOptions {
  /** What the limit protects, for the problem details ("activity queries"). */
  name: string;
  /** Requests served at once. */
  maxConcurrent: number;
  /** Requests allowed to wait for a slot; past this the caller gets 503 at once instead of a queue. */
  maxQueued: number;
  retryAfterSeconds: number;
}

export interface Admission {
  /** Runs `work` within the limit, or throws ServiceUnavailableError (503 + Retry-After) when full. */
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly queued: number;
}

/**
 * A concurrency cap with a short, bounded queue: expensive routes shed load with 503 + Retry-After rather than
 * queueing until clients time out, which also keeps the process responsive for every other route.
 */
export function createAdmission(options: AdmissionOptions): Admission {
  const limit = pLimit(options.maxConcurrent);
  return {
    run(work) {
      if (limit.activeCount >= options.maxConcurrent && limit.pendingCount >= options.maxQueued) {
        return Promise.reject(
          new ServiceUnavailableError(`Too many ${options.name} in progress; retry shortly.`, {
            retryAfterSeconds: options.retryAfterSeconds,
          }),
        );
      }
      return limit(work);
    },
    get active() {
      return limit.activeCount;
    },
    get queued() {
      return limit.pendingCount;
    },
  };
}

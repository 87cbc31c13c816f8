import { AdaptiveBudget, type Clock, type Sleep } from '@zc/rate-limit';
import type { BudgetUse } from '@zc/contracts';
import type { ResponseMeta } from '@zc/zendesk';
import { guardedWindowMs, SharedBudget } from '../../runtime/shared-budget';

export interface ConnectorBudgetOptions {
  readonly limitPerMinute: number;
  readonly incrementalPerMinute: number;
  readonly windowMs: number;
  readonly clock: Clock;
  readonly sleep: Sleep;
}

const INCREMENTAL_BUCKET = 'incremental-exports';
/** Streams that catch up on the past; the live audit tail and the role check go first. */
const BACKGROUND_STREAMS: ReadonlySet<string> = new Set(['audit_backfill', 'incremental_users', 'recollection']);

export const isIncrementalPath = (path: string): boolean => path.startsWith('/api/v2/incremental/');

/**
 * One connector's Zendesk budget, shared by all its streams: the runtime's SharedBudget (never more
 * than the limit in any window, round-robin, background streams leave one grant free), never more than Zendesk's
 * remaining-quota headers say is left in its own window (so an account limit below the budget costs
 * no 429s), and paused by Retry-After. Incremental exports also take from their own
 * 10/min bucket, which Zendesk enforces separately from the account limit.
 */
export class ConnectorBudget {
  readonly #api: SharedBudget;
  readonly #incremental: AdaptiveBudget;
  readonly #clock: Clock;

  constructor(options: ConnectorBudgetOptions) {
    const common = { clock: options.clock, sleep: options.sleep };
    this.#api = new SharedBudget({
      ...common,
      windowMs: options.windowMs,
      limitPerMinute: options.limitPerMinute,
      background: BACKGROUND_STREAMS,
    });
    this.#incremental = new AdaptiveBudget({
      ...common,
      windowMs: guardedWindowMs(options.windowMs),
      limitPerMinute: options.incrementalPerMinute,
    });
    this.#clock = options.clock;
  }

  /** Requests per minute the backfill can count on: the budget, or the account's limit when lower. */
  requestsPerMinute(): number {
    return this.#api.requestsPerMinute();
  }

  async acquire(stream: string, path: string, signal: AbortSignal): Promise<void> {
    // The scarcer bucket first, so an incremental call does not hold an account grant while it waits.
    if (isIncrementalPath(path)) await this.#incremental.acquire({ stream, signal });
    await this.#api.acquire(stream, signal);
  }

  setLimit(limitPerMinute: number): void {
    this.#api.setLimit(limitPerMinute);
  }

  /** Feeds what Zendesk said about its quotas (every response) and Retry-After (429/503). */
  observe(meta: ResponseMeta): void {
    const now = this.#clock();
    const account = meta.rateLimit.account;
    if (account?.resetAt != null) {
      this.#api.observe({ limit: account.limit, remaining: account.remaining, resetAt: account.resetAt });
    } else this.#api.answered();
    const incremental = isIncrementalPath(meta.path);
    const bucket = meta.rateLimit.buckets[INCREMENTAL_BUCKET];
    if (bucket?.resetAt != null) {
      this.#incremental.observe({ limit: bucket.limit, remaining: bucket.remaining, resetAt: bucket.resetAt });
    } else if (incremental) this.#incremental.answered();
    const retryAfter = meta.rateLimit.retryAfterMs;
    if ((meta.status === 429 || meta.status === 503) && retryAfter !== null) {
      // A 429 on an export with its own bucket spent pauses only that bucket; anything else pauses the account.
      const endpointBucket = incremental && bucket !== undefined && bucket.remaining <= 0;
      (endpointBucket ? this.#incremental : this.#api).pauseUntil(now + retryAfter);
    }
  }

  /** Requests granted in the current window against the connector's limit, as the heartbeat reports it. */
  use(): BudgetUse {
    const { granted, limit, windowMs } = this.#api.windowUse();
    return { requestsInWindow: granted, limitPerWindow: limit, windowMs };
  }

  utilization(): { api: number; incremental: number } {
    const incremental = this.#incremental.stats();
    return { api: this.#api.utilization(), incremental: incremental.usedInWindow / incremental.limit };
  }
}

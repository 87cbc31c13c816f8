import { AdaptiveBudget, type Clock, type Sleep } from '@zc/rate-limit';
import type { BudgetUse } from '@zc/contracts';
import type { ResponseMeta } from '@zc/zendesk';

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

/**
 * Grants are counted over a window slightly longer than Zendesk's, so the delay between our grant
 * and the request's arrival (event-loop lag, connection reuse) cannot make Zendesk count more than
 * the budget in its own window. Costs about 1 % of throughput at 60 s.
 */
export const guardedWindowMs = (windowMs: number): number => windowMs + Math.max(250, Math.ceil(windowMs / 100));
export const isIncrementalPath = (path: string): boolean => path.startsWith('/api/v2/incremental/');

/**
 * One connector's Zendesk budget, shared by all its streams: a sliding window that never grants more
 * than the limit in any window (AdaptiveBudget, round-robin across streams), never more than Zendesk's
 * remaining-quota headers say is left in its own window (so an account limit below the budget costs
 * no 429s), and paused by Retry-After. Incremental exports also take from their own
 * 10/min bucket, which Zendesk enforces separately from the account limit.
 */
export class ConnectorBudget {
  readonly #api: AdaptiveBudget;
  readonly #incremental: AdaptiveBudget;
  readonly #clock: Clock;
  readonly #windowMs: number;

  constructor(options: ConnectorBudgetOptions) {
    const common = { clock: options.clock, sleep: options.sleep, windowMs: guardedWindowMs(options.windowMs) };
    this.#api = new AdaptiveBudget({ ...common, limitPerMinute: options.limitPerMinute });
    this.#incremental = new AdaptiveBudget({ ...common, limitPerMinute: options.incrementalPerMinute });
    this.#clock = options.clock;
    this.#windowMs = options.windowMs;
  }

  /** Requests per minute the backfill can count on: the budget, or the account's limit when lower. */
  requestsPerMinute(): number {
    const { limit, upstreamLimit } = this.#api.stats();
    return (Math.min(limit, upstreamLimit ?? limit) * 60_000) / this.#windowMs;
  }

  async acquire(stream: string, path: string, signal: AbortSignal): Promise<void> {
    // The scarcer bucket first, so an incremental call does not hold an account grant while it waits.
    if (isIncrementalPath(path)) await this.#incremental.acquire({ stream, signal });
    // One grant stays free for the live streams: they take it as soon as one frees, the backfill
    // only when two have, so live activity never waits behind a window the backfill filled.
    await this.#api.acquire({ stream, signal, headroom: BACKGROUND_STREAMS.has(stream) ? 1 : 0 });
  }

  setLimit(limitPerMinute: number): void {
    if (limitPerMinute !== this.#api.stats().limit) this.#api.setLimit(limitPerMinute);
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
    const { usedInWindow, limit } = this.#api.stats();
    return { requestsInWindow: usedInWindow, limitPerWindow: limit, windowMs: this.#windowMs };
  }

  utilization(): { api: number; incremental: number } {
    const api = this.#api.stats();
    const incremental = this.#incremental.stats();
    return { api: api.usedInWindow / api.limit, incremental: incremental.usedInWindow / incremental.limit };
  }
}

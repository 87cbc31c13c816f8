export interface RateLimitInfo {
  readonly limit: number;
  readonly remaining: number;
  /** Epoch ms when the window resets; null when the header form carries no reset. */
  readonly resetAt: number | null;
}

export interface RateLimitMeta {
  /** Account-wide budget (`ratelimit-*` preferred over `x-rate-limit*`). */
  readonly account: RateLimitInfo | null;
  /** Endpoint buckets from `zendesk-ratelimit-<bucket>` headers, keyed by bucket name. */
  readonly buckets: Readonly<Record<string, RateLimitInfo>>;
  readonly retryAfterMs: number | null;
}

export type HeaderSource = Pick<Headers, 'get' | 'forEach'>;

const num = (value: string | null | undefined): number | null => {
  if (value === null || value === undefined) return null;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : null;
};

/** `total=100; remaining=99; resets=41`, tolerant of spacing, case, commas and order. */
export function parseBucketHeader(value: string, nowMs: number): RateLimitInfo | null {
  const fields = new Map<string, number>();
  for (const part of value.split(/[;,]/)) {
    const [key, raw] = part.split('=');
    const n = num(raw);
    if (key && n !== null) fields.set(key.trim().toLowerCase(), n);
  }
  const limit = fields.get('total') ?? fields.get('limit');
  const remaining = fields.get('remaining');
  const resets = fields.get('resets') ?? fields.get('reset');
  if (limit === undefined || remaining === undefined) return null;
  return { limit, remaining, resetAt: resets === undefined ? null : nowMs + resets * 1000 };
}

/** Retry-After is integer seconds in practice; an HTTP-date is also legal. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const seconds = num(value);
  if (seconds !== null) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** Every rate-limit header form of reference §5.3. */
export function parseRateLimitHeaders(headers: HeaderSource, nowMs: number): RateLimitMeta {
  const limit = num(headers.get('ratelimit-limit')) ?? num(headers.get('x-rate-limit'));
  const remaining = num(headers.get('ratelimit-remaining')) ?? num(headers.get('x-rate-limit-remaining'));
  const reset = num(headers.get('ratelimit-reset'));
  let account: RateLimitInfo | null =
    limit !== null && remaining !== null
      ? { limit, remaining, resetAt: reset === null ? null : nowMs + reset * 1000 }
      : null;
  const buckets: Record<string, RateLimitInfo> = {};
  headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('zendesk-ratelimit-')) {
      const info = parseBucketHeader(value, nowMs);
      if (info) buckets[lower.slice('zendesk-ratelimit-'.length)] = info;
    } else if (lower === 'ratelimit' && account === null) {
      // The IETF draft's combined form: `limit=700, remaining=699, reset=37`.
      account = parseBucketHeader(value, nowMs);
    }
  });
  return { account, buckets, retryAfterMs: parseRetryAfter(headers.get('retry-after'), nowMs) };
}

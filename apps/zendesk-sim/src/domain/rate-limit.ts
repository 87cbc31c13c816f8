/** A fixed window counter: Zendesk limits are "requests per minute", reset on window boundaries. */
export interface RateWindow {
  readonly start: number;
  readonly count: number;
}

export interface RateDecision {
  readonly window: RateWindow;
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Milliseconds until the current window ends. */
  readonly resetMs: number;
}

export function consumeRate(
  current: RateWindow | undefined,
  nowMs: number,
  windowMs: number,
  limit: number,
): RateDecision {
  const start = Math.floor(nowMs / windowMs) * windowMs;
  const count = current && current.start === start ? current.count : 0;
  const allowed = count < limit;
  const window = { start, count: allowed ? count + 1 : count };
  return {
    window,
    allowed,
    limit,
    remaining: Math.max(0, limit - window.count),
    resetMs: start + windowMs - nowMs,
  };
}

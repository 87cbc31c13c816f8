export interface FailureLimit {
  /** Failed attempts allowed in any window of `windowMs`; after that many, the subject is refused until the oldest leaves. */
  max: number;
  windowMs: number;
}

/** Bounds the memory an attacker spraying ids or addresses can make us hold. */
const MAX_TRACKED = 10_000;

/**
 * Counts failed authentications per subject (a key id, a client address) in a sliding window and
 * says, before any lookup or hashing, whether a subject is currently refused and for how long.
 */
export class FailedAttempts {
  readonly #limit: FailureLimit;
  readonly #now: () => number;
  /** Per subject, the times of its last `max` failures (ascending) and when its refusal ends. */
  readonly #subjects = new Map<string, { failures: number[]; blockedUntil: number }>();

  constructor(limit: FailureLimit, now: () => number = Date.now) {
    if (!Number.isInteger(limit.max) || limit.max < 1) throw new RangeError('max must be a positive integer');
    this.#limit = limit;
    this.#now = now;
  }

  /** Milliseconds until the subject may try again; 0 when it may now. */
  retryAfterMs(subject: string): number {
    const entry = this.#subjects.get(subject);
    if (entry === undefined) return 0;
    return Math.max(0, entry.blockedUntil - this.#now());
  }

  recordFailure(subject: string): void {
    const now = this.#now();
    let entry = this.#subjects.get(subject);
    if (entry === undefined) {
      this.#evictIdle(now);
      entry = { failures: [], blockedUntil: 0 };
      this.#subjects.set(subject, entry);
    }
    const since = now - this.#limit.windowMs;
    entry.failures = entry.failures.filter((at) => at > since);
    entry.failures.push(now);
    if (entry.failures.length > this.#limit.max) entry.failures.shift();
    // `max` failures inside one window: refused until the oldest of them leaves it.
    const oldest = entry.failures[0];
    if (entry.failures.length >= this.#limit.max && oldest !== undefined) {
      entry.blockedUntil = oldest + this.#limit.windowMs;
    }
  }

  #evictIdle(now: number): void {
    if (this.#subjects.size < MAX_TRACKED) return;
    const since = now - this.#limit.windowMs;
    for (const [subject, entry] of this.#subjects) {
      if (entry.blockedUntil <= now && entry.failures.every((at) => at <= since)) this.#subjects.delete(subject);
    }
    // Still full of active subjects: forget them all rather than grow without bound.
    if (this.#subjects.size >= MAX_TRACKED) this.#subjects.clear();
  }
}

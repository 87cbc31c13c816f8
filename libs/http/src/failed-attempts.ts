import { SlidingWindowLimiter } from '@zc/rate-limit';

export interface FailureLimit {
  /** Failed attempts allowed in any window of `windowMs`; the next one is refused until the oldest leaves. */
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
  readonly #subjects = new Map<string, { window: SlidingWindowLimiter; blockedUntil: number }>();

  constructor(limit: FailureLimit, now: () => number = Date.now) {
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
      entry = {
        window: new SlidingWindowLimiter({ limit: this.#limit.max, windowMs: this.#limit.windowMs }),
        blockedUntil: 0,
      };
      this.#subjects.set(subject, entry);
    }
    // The failure that does not fit any more blocks the subject until the window frees a slot.
    const taken = entry.window.tryTake(1, now);
    if (!taken.granted) entry.blockedUntil = now + taken.waitMs;
  }

  #evictIdle(now: number): void {
    if (this.#subjects.size < MAX_TRACKED) return;
    for (const [subject, entry] of this.#subjects) {
      if (entry.blockedUntil <= now && entry.window.used(now) === 0) this.#subjects.delete(subject);
    }
    // Still full of active subjects: forget them all rather than grow without bound.
    if (this.#subjects.size >= MAX_TRACKED) this.#subjects.clear();
  }
}

import type { Sleep } from '../types';

interface Timer {
  at: number;
  resolve: () => void;
}

const flushMicrotasks = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A clock and a sleep that only move when the test says so. Test-only; not exported by the lib. */
export class FakeTime {
  now: number;
  readonly #timers: Timer[] = [];

  constructor(start = 0) {
    this.now = start;
  }

  readonly clock = (): number => this.now;

  readonly sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve) => {
      const timer: Timer = { at: this.now + ms, resolve };
      this.#timers.push(timer);
      signal?.addEventListener('abort', () => {
        this.#timers.splice(this.#timers.indexOf(timer), 1);
        resolve();
      });
    });

  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** Moves time forward, firing each due timer at its own instant and letting promises settle. */
  async advanceTo(target: number): Promise<void> {
    await flushMicrotasks();
    for (;;) {
      const due = this.#timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      this.#timers.splice(this.#timers.indexOf(due), 1);
      this.now = Math.max(this.now, due.at);
      due.resolve();
      await flushMicrotasks();
    }
    this.now = Math.max(this.now, target);
    await flushMicrotasks();
  }

  advance(ms: number): Promise<void> {
    return this.advanceTo(this.now + ms);
  }
}

/** The largest number of grants inside any half-open window [t, t + windowMs). */
export const maxInAnyWindow = (grantTimes: readonly number[], windowMs: number): number => {
  const times = [...grantTimes].sort((a, b) => a - b);
  let max = 0;
  let end = 0;
  for (let start = 0; start < times.length; start += 1) {
    while (end < times.length && (times[end] ?? 0) < (times[start] ?? 0) + windowMs) end += 1;
    max = Math.max(max, end - start);
  }
  return max;
};

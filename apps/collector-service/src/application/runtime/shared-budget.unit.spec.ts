import type { Sleep } from '@zc/rate-limit';
import { describe, expect, it } from 'vitest';
import { guardedWindowMs, SharedBudget } from './shared-budget';
import { settle } from './testing/fake-worker';

const WINDOW_MS = 60_000;

/** A clock and a sleep that move only when the test advances them. */
function fakeTime() {
  const time = { now: 0 };
  const timers: { at: number; resolve: () => void }[] = [];
  const sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve) => {
      timers.push({ at: time.now + ms, resolve });
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
  const advanceTo = async (at: number) => {
    time.now = at;
    for (const timer of timers.filter((candidate) => candidate.at <= at)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.resolve();
    }
    await settle();
  };
  return { clock: () => time.now, sleep, advanceTo };
}

/** Fake streams asking the budget for grants; records who got one, and when. */
function streams(budget: SharedBudget, clock: () => number) {
  const grants: { stream: string; at: number }[] = [];
  const stop = new AbortController();
  const ask = (stream: string, count: number) => {
    for (let i = 0; i < count; i += 1) {
      budget.acquire(stream, stop.signal).then(
        () => grants.push({ stream, at: clock() }),
        () => undefined,
      );
    }
  };
  const of = (stream: string, at?: number) =>
    grants.filter((grant) => grant.stream === stream && (at === undefined || grant.at === at)).length;
  return { grants, ask, of, stop };
}

const budgetOf = (limitPerMinute: number, time: ReturnType<typeof fakeTime>) =>
  new SharedBudget({
    limitPerMinute,
    windowMs: WINDOW_MS,
    clock: time.clock,
    sleep: time.sleep,
    background: new Set(['audit_backfill', 'incremental_users']),
  });

describe('shared budget: hand-off between streams', () => {
  it('a background stream leaves one grant free, and the live stream takes it at once', async () => {
    const time = fakeTime();
    const budget = budgetOf(4, time);
    const { ask, of } = streams(budget, time.clock);
    ask('audit_backfill', 6);
    await settle();
    expect(of('audit_backfill')).toBe(3);

    ask('audit_logs', 2);
    await settle();
    expect(of('audit_logs')).toBe(1); // the free grant, without waiting for the window

    // The window frees: the live tail is served in the first round, not after the backfill's queue.
    const next = guardedWindowMs(WINDOW_MS);
    await time.advanceTo(next);
    expect(of('audit_logs', next)).toBe(1);
    expect(of('audit_backfill', next)).toBe(2); // again one left free
  });

  it('never grants more than the limit in any window, whoever asks', async () => {
    const time = fakeTime();
    const budget = budgetOf(5, time);
    const { ask, grants } = streams(budget, time.clock);
    ask('audit_backfill', 20);
    ask('incremental_users', 20);
    ask('audit_logs', 20);
    ask('role', 2);
    const window = guardedWindowMs(WINDOW_MS);
    for (let at = 0; at <= 5 * window; at += 1_000) await time.advanceTo(at);
    expect(grants.length).toBeGreaterThan(20);
    for (const grant of grants) {
      const inWindow = grants.filter((other) => other.at > grant.at - window && other.at <= grant.at);
      expect(inWindow.length).toBeLessThanOrEqual(5);
    }
    // The role check, asking last, is served in the first round once the window frees.
    const freed = grants.find((grant) => grant.at > 0)?.at;
    expect(grants.find((grant) => grant.stream === 'role')?.at).toBe(freed);
  });

  it('serves the streams round-robin: a long backfill queue does not starve a stream that asks later', async () => {
    const time = fakeTime();
    const budget = budgetOf(3, time);
    const { ask, of } = streams(budget, time.clock);
    ask('audit_backfill', 10);
    await settle();
    ask('incremental_users', 2);
    await settle();
    expect(of('audit_backfill')).toBe(2);
    expect(of('incremental_users')).toBe(0);

    const next = guardedWindowMs(WINDOW_MS);
    await time.advanceTo(next);
    expect(of('incremental_users', next)).toBe(1);
    expect(of('audit_backfill', next)).toBe(1);
  });

  it('a stopped stream gives up its place, and a raised limit applies to requests already waiting', async () => {
    const time = fakeTime();
    const budget = budgetOf(2, time);
    const live = streams(budget, time.clock);
    const stopped = streams(budget, time.clock);
    stopped.ask('audit_backfill', 3);
    live.ask('audit_logs', 3);
    await settle();
    expect(stopped.of('audit_backfill') + live.of('audit_logs')).toBe(2);

    stopped.stop.abort();
    budget.setLimit(4);
    await settle();
    expect(live.of('audit_logs')).toBe(3);
    expect(stopped.of('audit_backfill')).toBeLessThanOrEqual(1);
  });
});

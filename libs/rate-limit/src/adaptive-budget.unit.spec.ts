import { describe, expect, it } from 'vitest';
import { AdaptiveBudget } from './adaptive-budget';
import { seededRandom } from '@zc/testing';
import { FakeTime, maxInAnyWindow } from './testing/fake-time';

const setup = (limitPerMinute: number) => {
  const time = new FakeTime();
  const budget = new AdaptiveBudget({ limitPerMinute, clock: time.clock, sleep: time.sleep });
  const grants: { stream: string; at: number }[] = [];
  const request = (stream = 'default') =>
    budget.acquire({ stream }).then(() => {
      grants.push({ stream, at: time.now });
    });
  return { time, budget, grants, request };
};

describe('AdaptiveBudget.acquire', () => {
  it('grants immediately while there is budget, then waits for the window', async () => {
    const { time, grants, request } = setup(2);
    void request();
    void request();
    void request();
    await time.advance(0);
    expect(grants.map((grant) => grant.at)).toEqual([0, 0]);
    await time.advance(60_000);
    expect(grants.map((grant) => grant.at)).toEqual([0, 0, 60_000]);
  });

  it('takes turns between streams so one busy stream cannot starve another', async () => {
    const { time, grants, request } = setup(1);
    void request('warm-up');
    for (let i = 0; i < 5; i += 1) void request('audit_logs');
    void request('users');
    await time.advance(3 * 60_000);
    expect(grants.map((grant) => grant.stream)).toEqual(['warm-up', 'audit_logs', 'users', 'audit_logs']);
  });

  it('applies a raised limit to requests that are already waiting', async () => {
    const { time, budget, grants, request } = setup(1);
    void request();
    void request();
    await time.advance(1_000);
    expect(grants).toHaveLength(1);
    budget.setLimit(2);
    await time.advance(0);
    expect(grants.map((grant) => grant.at)).toEqual([0, 1_000]);
  });

  it('keeps the headroom a background stream leaves free for a foreground one', async () => {
    const { time, budget, grants } = setup(3);
    const take = (stream: string, headroom: number) =>
      budget.acquire({ stream, headroom }).then(() => grants.push({ stream, at: time.now }));
    for (let i = 0; i < 4; i += 1) void take('backfill', 1);
    await time.advance(10_000);
    expect(grants.map((grant) => grant.stream)).toEqual(['backfill', 'backfill']);
    void take('live', 0);
    await time.advance(0);
    expect(grants.map((grant) => `${grant.stream}@${grant.at}`)).toEqual(['backfill@0', 'backfill@0', 'live@10000']);
    await time.advance(60_000);
    expect(grants.filter((grant) => grant.stream === 'backfill')).toHaveLength(4);
  });

  it('honours Retry-After for requests already waiting', async () => {
    const { time, budget, grants, request } = setup(100);
    budget.pauseUntil(30_000);
    void request();
    await time.advance(29_999);
    expect(grants).toHaveLength(0);
    await time.advance(1);
    expect(grants.map((grant) => grant.at)).toEqual([30_000]);
  });

  it('serves waiting requests only as far as the upstream quota goes, the rest after its reset', async () => {
    const { time, budget, grants, request } = setup(200);
    budget.observe({ limit: 700, remaining: 4, resetAt: 40_000 });
    for (let i = 0; i < 6; i += 1) void request();
    await time.advance(40_000);
    expect(grants.map((grant) => grant.at)).toEqual([0, 0, 0, 0, 40_000, 40_000]);
  });

  it('rejects an aborted request and still serves the rest', async () => {
    const { time, budget, grants, request } = setup(1);
    void request();
    const controller = new AbortController();
    const aborted = budget.acquire({ signal: controller.signal });
    void request();
    controller.abort(new Error('shutting down'));
    await expect(aborted).rejects.toThrow('shutting down');
    await time.advance(60_000);
    expect(grants.map((grant) => grant.at)).toEqual([0, 60_000]);
    expect(budget.stats()).toMatchObject({ waiting: 0, usedInWindow: 1, limit: 1 });
  });

  it('never exceeds the limit in any 60 s window, across streams, pauses and observations', async () => {
    for (let seed = 1; seed <= 25; seed += 1) {
      const random = seededRandom(seed);
      const limit = 1 + Math.floor(random() * 40);
      const { time, budget, grants, request } = setup(limit);
      const pending: Promise<void>[] = [];
      for (let step = 0; step < 150; step += 1) {
        const burst = Math.floor(random() * 6);
        for (let i = 0; i < burst; i += 1) pending.push(request(`stream-${Math.floor(random() * 3)}`));
        const event = random();
        if (event < 0.05) budget.pauseUntil(time.now + Math.floor(random() * 20_000));
        else if (event < 0.1) {
          budget.observe({ limit: 100, remaining: Math.floor(random() * 15), resetAt: time.now + 30_000 });
        }
        await time.advance(Math.floor(random() * 5_000));
      }
      while (time.pendingTimers > 0) await time.advance(60_000);
      await Promise.all(pending);
      expect(grants).toHaveLength(pending.length);
      expect(
        maxInAnyWindow(
          grants.map((grant) => grant.at),
          60_000,
        ),
        `seed ${seed}`,
      ).toBeLessThanOrEqual(limit);
    }
  });
});

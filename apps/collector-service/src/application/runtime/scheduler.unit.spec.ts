import { describe, expect, it } from 'vitest';
import type { Lease, LeaseRecord } from './lease';
import { Scheduler, type ScheduledWorker } from './scheduler';
import { deferred, settle } from './testing/fake-worker';

const TTL = 30_000;
interface View {
  readonly _id: string;
  readonly partition: number;
}

/** Workers that run until the test ends them; leases from an in-memory table the test sets. */
function fakeScheduler(active: View[], options: { maxConnectors?: number } = {}) {
  const clock = { now: 1_000_000 };
  const leases = new Map<string, LeaseRecord>();
  const acquired: string[] = [];
  const released: string[] = [];
  const workers = new Map<string, { end: () => void; stopped: boolean; notified: number }>();
  const createWorker = (lease: Lease<null>, view: View): ScheduledWorker<null> => {
    const done = deferred();
    const handle = { end: done.resolve, stopped: false, notified: 0 };
    workers.set(view._id, handle);
    return {
      connectorId: view._id,
      lease,
      run: () => done.promise,
      notify: () => (handle.notified += 1),
      stop: () => {
        handle.stopped = true;
        done.resolve();
        return Promise.resolve();
      },
      crash: () => done.resolve(),
    };
  };
  const scheduler = new Scheduler<null, View>({
    instanceId: 'me',
    leaseTtlMs: TTL,
    now: () => clock.now,
    connectors: { listActive: () => Promise.resolve(active) },
    collections: {
      all: () => Promise.resolve([...leases.values()]),
      tryAcquire: (connectorId, owner) => {
        acquired.push(connectorId);
        const lease = { leaseId: connectorId, owner, term: 1, expiresAt: clock.now + TTL, state: null };
        leases.set(connectorId, { _id: connectorId, owner, expiresAt: lease.expiresAt });
        return Promise.resolve(lease);
      },
      release: (lease) => {
        released.push(lease.leaseId);
        return Promise.resolve();
      },
    },
    createWorker,
    maxConnectors: options.maxConnectors ?? 10,
    tickMs: 1_000,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  return { clock, leases, acquired, released, workers, scheduler };
}

describe('scheduler', () => {
  it("takes a connector of another instance's partition only once its lease has been free for a whole TTL", async () => {
    const { clock, leases, acquired, scheduler } = fakeScheduler([
      { _id: 'mine', partition: 0 },
      { _id: 'theirs', partition: 1 },
    ]);
    for (const id of ['mine', 'theirs']) leases.set(id, { _id: id, owner: 'other', expiresAt: clock.now });
    scheduler.notify('mine', 0); // this instance consumes partition 0; the notification ticks
    await settle();
    expect(acquired).toEqual(['mine']);

    clock.now += TTL;
    await scheduler.tick();
    expect(acquired).toEqual(['mine', 'theirs']);
    expect(scheduler.running().sort()).toEqual(['mine', 'theirs']);
  });

  it('holds at most MAX_CONNECTORS_PER_INSTANCE, preferring its own partitions', async () => {
    const { acquired, scheduler } = fakeScheduler(
      [
        { _id: 'a', partition: 1 },
        { _id: 'b', partition: 0 },
        { _id: 'c', partition: 1 },
      ],
      { maxConnectors: 1 },
    );
    scheduler.notify('b', 0);
    await settle();
    await scheduler.tick();
    expect(acquired).toEqual(['b']);
    expect(scheduler.running()).toEqual(['b']);
  });

  it('gives a lease back when its worker ends, and tells a running worker of changes instead of starting another', async () => {
    const { released, workers, scheduler } = fakeScheduler([{ _id: 'a', partition: 0 }]);
    await scheduler.tick();
    scheduler.notify('a', 0);
    expect(workers.get('a')?.notified).toBe(1);

    workers.get('a')?.end(); // e.g. disconnected
    await settle();
    expect(released).toEqual(['a']);
  });

  it('a graceful stop stops every worker; a crash releases nothing', async () => {
    const graceful = fakeScheduler([{ _id: 'a', partition: 0 }]);
    await graceful.scheduler.tick();
    await graceful.scheduler.stop();
    expect(graceful.workers.get('a')?.stopped).toBe(true);
    expect(graceful.scheduler.running()).toEqual([]);

    const crashed = fakeScheduler([{ _id: 'a', partition: 0 }]);
    await crashed.scheduler.tick();
    crashed.scheduler.crash();
    await settle();
    expect(crashed.released).toEqual([]);
    expect(crashed.scheduler.running()).toEqual([]);
  });
});

import type { Publisher } from '@zc/kafka';
import { describe, expect, it } from 'vitest';
import { monitorPublishing } from './publishing-monitor';

function controllable() {
  const calls: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const publisher: Publisher = {
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
    publish: () => new Promise<void>((resolve, reject) => calls.push({ resolve, reject })),
  };
  return { publisher, calls };
}

describe('publishing monitor', () => {
  it('tracks publishes in flight, the oldest first, and each outcome', async () => {
    let now = 1_000;
    const { publisher, calls } = controllable();
    const monitor = monitorPublishing(publisher, () => now);
    const first = monitor.publisher.publish('t', []);
    now = 2_000;
    const second = monitor.publisher.publish('t', []);
    expect(monitor.observations()).toMatchObject({ pending: 2, oldestPendingSinceMs: 1_000 });

    calls[0]?.resolve();
    await first;
    expect(monitor.observations()).toMatchObject({ pending: 1, oldestPendingSinceMs: 2_000, lastSuccessAtMs: 2_000 });

    now = 3_000;
    calls[1]?.reject(new Error('broker unreachable'));
    await expect(second).rejects.toThrow('broker unreachable');
    expect(monitor.observations()).toMatchObject({
      pending: 0,
      oldestPendingSinceMs: null,
      lastFailureAtMs: 3_000,
      consecutiveFailures: 1,
    });
    expect(monitor.failuresTotal()).toBe(1);
  });

  it('remembers whether the last dead-letter write failed', () => {
    const monitor = monitorPublishing(controllable().publisher, () => 0);
    expect(monitor.observations().deadLetterFailing).toBeNull();
    monitor.deadLetterWritten(false);
    expect(monitor.observations().deadLetterFailing).toBe(true);
    monitor.deadLetterWritten(true);
    expect(monitor.observations().deadLetterFailing).toBe(false);
  });
});

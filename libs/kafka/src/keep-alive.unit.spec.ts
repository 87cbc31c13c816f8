import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepAlive } from './keep-alive';
import { PartitionPauses } from './partition-pauses';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('keepAlive', () => {
  it('heartbeats on every interval until stopped, one heartbeat at a time', async () => {
    let calls = 0;
    const alive = keepAlive(() => {
      calls += 1;
      return Promise.resolve();
    }, 1_000);
    await vi.advanceTimersByTimeAsync(3_500);
    expect(calls).toBe(3);
    alive.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(3);
    expect(alive.lost()).toBe(false);
  });

  it('reports the generation lost once a heartbeat fails, and stops heartbeating', async () => {
    let calls = 0;
    const alive = keepAlive(() => {
      calls += 1;
      return Promise.reject(new Error('The group is rebalancing, so a rejoin is needed'));
    }, 1_000);
    await vi.advanceTimersByTimeAsync(3_500);
    expect(alive.lost()).toBe(true);
    expect(calls).toBe(1);
    alive.stop();
  });
});

describe('PartitionPauses', () => {
  it('pauses a partition for the back-off and resumes it afterwards; clear() drops pending resumes', async () => {
    const calls: string[] = [];
    const consumer = {
      pause: (topics: { topic: string; partitions?: number[] }[]) => {
        calls.push(`pause ${String(topics[0]?.partitions)}`);
      },
      resume: (topics: { topic: string; partitions?: number[] }[]) => {
        calls.push(`resume ${String(topics[0]?.partitions)}`);
      },
    };
    const pauses = new PartitionPauses(consumer);
    pauses.pauseFor('t', 1, 500);
    pauses.pauseFor('t', 2, 2_000);
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toEqual(['pause 1', 'pause 2', 'resume 1']);
    pauses.clear();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toEqual(['pause 1', 'pause 2', 'resume 1']);
  });
});

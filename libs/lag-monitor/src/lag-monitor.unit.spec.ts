import { describe, expect, it } from 'vitest';
import { LagMonitor } from './lag-monitor';
import { LagReport } from './lag-report';
import type { LagReading } from './reading';

const MINUTE = 60_000;
const read = (groupId: string, partition: number, committedOffset: number, highWatermark: number): LagReading => ({
  groupId,
  topic: 'orders',
  partition,
  committedOffset,
  highWatermark,
  lowWatermark: 0,
});

const setup = (options: { expireGroupMs?: number; intervals?: number } = {}) => {
  let now = 0;
  const monitor = new LagMonitor({ ...options, clock: () => now });
  const pollAt = (minute: number, readings: LagReading[]) => {
    now = minute * MINUTE;
    monitor.observe(readings);
  };
  return { monitor, pollAt, setNow: (ms: number) => (now = ms) };
};

describe('LagMonitor', () => {
  it('rolls partitions up per group: worst status capped at ERR, total and max lag, share complete', () => {
    const { monitor, pollAt } = setup({ intervals: 3 });
    for (let minute = 1; minute <= 4; minute += 1) {
      pollAt(minute, [
        read('billing', 0, minute * 100, minute * 100),
        read('billing', 1, 0, minute * 50), // never moves: STOP
        read('billing', 2, minute * 10, minute * 30), // slow: WARN
      ]);
    }
    const group = monitor.group('billing');
    expect(group).toMatchObject({ status: 'ERR', totalLag: 280, maxLag: 200, complete: 2 / 3 });
    expect(group?.partitions.map((p) => [p.partition, p.status, p.complete])).toEqual([
      [0, 'OK', 1],
      [1, 'STOP', 1 / 3],
      [2, 'WARN', 1],
    ]);
    expect(group?.maxLagSeconds).toBe(Math.max(...(group?.partitions.map((p) => p.lagSeconds) ?? [])));
  });

  it('rolls a WARN partition up to a WARN group when nothing is worse', () => {
    const { monitor, pollAt } = setup();
    for (let minute = 1; minute <= 3; minute += 1) pollAt(minute, [read('slow', 0, minute * 10, minute * 30)]);
    expect(monitor.group('slow')?.status).toBe('WARN');
  });

  it('produces a report the shared schema accepts, groups by name, partitions by topic and number', () => {
    const { monitor, pollAt } = setup();
    pollAt(1, [read('b', 1, 5, 5), read('a', 0, 0, 0), read('b', 0, 5, 10)]);
    const report = LagReport.parse(monitor.report());
    expect(report.evaluatedAt).toBe('1970-01-01T00:01:00.000Z');
    expect(report.groups.map((g) => [g.group, g.partitions.map((p) => p.partition)])).toEqual([
      ['a', [0]],
      ['b', [0, 1]],
    ]);
  });

  it('keeps reporting a group whose consumers stopped, and one the poller no longer sees, until expiry', () => {
    const { monitor, pollAt, setNow } = setup({ expireGroupMs: 60 * MINUTE });
    pollAt(1, [read('gone', 0, 10, 10), read('stopped', 0, 10, 10)]);
    for (let minute = 2; minute <= 30; minute += 1) pollAt(minute, [read('stopped', 0, 10, 10 + minute)]);
    expect(monitor.groupIds()).toEqual(['gone', 'stopped']);
    expect(monitor.group('stopped')).toMatchObject({ status: 'ERR', totalLag: 30 });

    pollAt(61, [read('stopped', 0, 10, 80)]);
    expect(monitor.groupIds()).toEqual(['gone', 'stopped']);
    pollAt(62, [read('stopped', 0, 10, 80)]);
    expect(monitor.groupIds()).toEqual(['stopped']);

    setNow(500 * MINUTE);
    expect(monitor.expire()).toEqual(['stopped']);
    expect(monitor.report().groups).toEqual([]);
  });

  it('forgets a deleted group at once', () => {
    const { monitor, pollAt } = setup();
    pollAt(1, [read('a', 0, 1, 1)]);
    expect(monitor.deleteGroup('a')).toBe(true);
    expect(monitor.deleteGroup('a')).toBe(false);
    expect(monitor.group('a')).toBeUndefined();
  });

  it('rejects a window that cannot show a trend', () => {
    expect(() => new LagMonitor({ clock: () => 0, intervals: 1 })).toThrow();
  });
});

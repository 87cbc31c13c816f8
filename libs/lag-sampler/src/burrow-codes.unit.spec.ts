import type { LagPartitionReport } from '@zc/lag-monitor';
import { describe, expect, it } from 'vitest';
import { BURROW_STATUS_CODES, groupStatusCode } from './burrow-codes';

const partition = (status: LagPartitionReport['status']): LagPartitionReport => ({
  topic: 't',
  partition: 0,
  committedOffset: 0,
  highWatermark: 0,
  lag: 0,
  lagSeconds: 0,
  status,
  complete: 1,
});

describe('Burrow status codes', () => {
  it("uses Burrow's numbering", () => {
    expect(BURROW_STATUS_CODES).toEqual({ NOTFOUND: 0, OK: 1, WARN: 2, ERR: 3, STOP: 4, STALL: 5, REWIND: 6 });
  });

  it('gives a group the code of its worst partition, NOTFOUND without partitions', () => {
    expect(groupStatusCode(undefined)).toBe(0);
    expect(groupStatusCode({ status: 'OK', partitions: [] })).toBe(0);
    expect(groupStatusCode({ status: 'OK', partitions: [partition('OK')] })).toBe(1);
    expect(groupStatusCode({ status: 'WARN', partitions: [partition('OK'), partition('WARN')] })).toBe(2);
    expect(groupStatusCode({ status: 'ERR', partitions: [partition('WARN'), partition('STOP')] })).toBe(4);
    expect(groupStatusCode({ status: 'ERR', partitions: [partition('STALL'), partition('REWIND')] })).toBe(6);
  });
});

import { describe, expect, it } from 'vitest';
import { backoffMs } from './retry';
import { RetryLedger } from './retry-ledger';

const policy = { maxAttempts: 4, initialBackoffMs: 100, maxBackoffMs: 300 };

describe('backoffMs', () => {
  it('doubles from the initial delay and caps at the maximum', () => {
    expect([1, 2, 3, 4, 10].map((attempt) => backoffMs(attempt, policy))).toEqual([100, 200, 300, 300, 300]);
  });
});

describe('RetryLedger', () => {
  const slice = (offset: string, size: number) => ({ topic: 't', partition: 0, offset, size });

  it('counts failures per slice: a bisected half starting at the same offset is another slice', () => {
    const ledger = new RetryLedger();
    ledger.record(slice('10', 4), 3);
    expect(ledger.failures(slice('10', 4))).toBe(3);
    expect(ledger.failures(slice('10', 2))).toBe(0);
    ledger.clear(slice('10', 4));
    expect(ledger.failures(slice('10', 4))).toBe(0);
  });

  it('forgets slices behind the fetch position', () => {
    const ledger = new RetryLedger();
    ledger.record(slice('9', 1), 1);
    ledger.record(slice('10', 1), 1);
    ledger.forgetBefore('t', 0, '10');
    expect(ledger.failures(slice('9', 1))).toBe(0);
    expect(ledger.failures(slice('10', 1))).toBe(1);
  });
});

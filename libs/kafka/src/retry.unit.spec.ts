import { describe, expect, it } from 'vitest';
import { attemptWithRetry, backoffMs, type AttemptOptions } from './retry';

const policy = { maxAttempts: 4, initialBackoffMs: 100, maxBackoffMs: 300 };

function options(overrides: Partial<AttemptOptions> = {}): AttemptOptions & { waits: number[] } {
  const waits: number[] = [];
  return {
    policy,
    isRetriable: () => true,
    shouldContinue: () => true,
    onRetry: () => Promise.resolve(),
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    waits,
    ...overrides,
  };
}

describe('backoffMs', () => {
  it('doubles from the initial delay and caps at the maximum', () => {
    expect([1, 2, 3, 4, 10].map((attempt) => backoffMs(attempt, policy))).toEqual([100, 200, 300, 300, 300]);
  });
});

describe('attemptWithRetry', () => {
  it('retries a retriable failure with growing back-off until it succeeds', async () => {
    let calls = 0;
    const opts = options();
    const outcome = await attemptWithRetry(() => {
      calls += 1;
      return calls < 3 ? Promise.reject(new Error('transient')) : Promise.resolve();
    }, opts);
    expect(outcome).toEqual({ ok: true });
    expect(opts.waits).toEqual([100, 200]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const opts = options();
    const outcome = await attemptWithRetry(() => Promise.reject(new Error('down')), opts);
    expect(outcome).toMatchObject({ ok: false, abandoned: false, error: new Error('down') });
    expect(opts.waits).toHaveLength(3);
  });

  it('does not retry a non-retriable error', async () => {
    const opts = options({ isRetriable: () => false });
    const outcome = await attemptWithRetry(() => Promise.reject(new Error('bad')), opts);
    expect(outcome).toMatchObject({ ok: false, abandoned: false });
    expect(opts.waits).toEqual([]);
  });

  it('abandons when the consumer must stop', async () => {
    const opts = options({ shouldContinue: () => false });
    const outcome = await attemptWithRetry(() => Promise.reject(new Error('down')), opts);
    expect(outcome).toMatchObject({ ok: false, abandoned: true });
    expect(opts.waits).toHaveLength(1);
  });
});

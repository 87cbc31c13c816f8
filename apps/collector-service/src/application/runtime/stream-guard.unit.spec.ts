import { describe, expect, it } from 'vitest';
import { LeaseLostError } from './lease';
import { guardedStep, type FailurePolicy, type GuardedContext } from './stream-guard';

/** A fake provider policy: records what the guard reports, answers a fixed wait. */
function guarded(policy: Partial<FailurePolicy<'items'>> = {}) {
  const reported: string[] = [];
  const abort = new AbortController();
  const failures: FailurePolicy<'items'> = {
    blockedFor: () => null,
    succeeded: (capability) => {
      reported.push(`ok ${capability}`);
      return Promise.resolve();
    },
    failed: (capability, attempts, error) => {
      attempts.n += 1;
      reported.push(`failed ${capability}: ${(error as Error).message}`);
      return Promise.resolve({ wait: 1_000 });
    },
    ...policy,
  };
  const errors: unknown[] = [];
  const context: GuardedContext<'items'> = {
    connectorId: 'connector-1',
    signal: abort.signal,
    logger: { info: () => undefined, warn: () => undefined, error: (fields) => errors.push(fields) },
    failures,
  };
  return { context, reported, abort, errors };
}

describe('stream guard', () => {
  it('reports a success and resets the failure count', async () => {
    const { context, reported } = guarded();
    const attempts = { n: 3 };
    await expect(guardedStep(context, 'items', attempts, () => Promise.resolve())).resolves.toEqual({ wait: 0 });
    expect(attempts.n).toBe(0);
    expect(reported).toEqual(['ok items']);
  });

  it("turns a failure into the policy's wait", async () => {
    const { context, reported } = guarded();
    const attempts = { n: 0 };
    const outcome = await guardedStep(context, 'items', attempts, () => Promise.reject(new Error('upstream 503')));
    expect(outcome).toEqual({ wait: 1_000 });
    expect(reported).toEqual(['failed items: upstream 503']);
    expect(attempts.n).toBe(1);
  });

  it('stops the stream on a lost lease or a stop, without reporting anything', async () => {
    const lost = guarded();
    const step = () => Promise.reject(new LeaseLostError('connector-1'));
    await expect(guardedStep(lost.context, 'items', { n: 0 }, step)).resolves.toBe('stop');
    const stopped = guarded();
    stopped.abort.abort();
    await expect(guardedStep(stopped.context, 'items', { n: 0 }, () => Promise.resolve())).resolves.toBe('stop');
    expect([...lost.reported, ...stopped.reported]).toEqual([]);
  });

  it('skips the step while the policy says steps are blocked', async () => {
    const { context, reported } = guarded({ blockedFor: () => 30_000 });
    let ran = false;
    const outcome = await guardedStep(context, 'items', { n: 0 }, () => {
      ran = true;
      return Promise.resolve();
    });
    expect(outcome).toEqual({ wait: 30_000 });
    expect(ran).toBe(false);
    expect(reported).toEqual([]);
  });

  it('backs off when even recording the failure fails, and stops if that was a lost lease', async () => {
    const broken = guarded({ failed: () => Promise.reject(new Error('broker unreachable')) });
    const failing = () => Promise.reject(new Error('upstream 503'));
    await expect(guardedStep(broken.context, 'items', { n: 2 }, failing)).resolves.toEqual({ wait: 500 });
    expect(broken.errors).toHaveLength(1);
    const fenced = guarded({ failed: () => Promise.reject(new LeaseLostError('connector-1')) });
    await expect(guardedStep(fenced.context, 'items', { n: 0 }, failing)).resolves.toBe('stop');
  });
});

import { describe, expect, it } from 'vitest';
import { publishingHealth, type PublishingObservations } from './publishing-health';

const quiet: PublishingObservations = {
  pending: 0,
  oldestPendingSinceMs: null,
  lastSuccessAtMs: null,
  lastFailureAtMs: null,
  consecutiveFailures: 0,
  deadLetterFailing: null,
};
const NOW = 1_000_000;

describe('publishing health', () => {
  it('is idle before the first publish and ok after a success', () => {
    expect(publishingHealth(quiet, NOW, 10_000).state).toBe('idle');
    expect(publishingHealth({ ...quiet, lastSuccessAtMs: NOW - 5 }, NOW, 10_000)).toMatchObject({
      state: 'ok',
      lastSuccessAt: new Date(NOW - 5).toISOString(),
    });
  });

  it('stays ok while a publish is in flight for less than the threshold', () => {
    const seen = { ...quiet, lastSuccessAtMs: NOW - 20_000, pending: 2, oldestPendingSinceMs: NOW - 9_000 };
    expect(publishingHealth(seen, NOW, 10_000)).toMatchObject({
      state: 'ok',
      pendingPublishes: 2,
      oldestPendingSeconds: 9,
    });
  });

  it('is blocked by a publish pending past the threshold, before the client gives up', () => {
    const seen = { ...quiet, lastSuccessAtMs: NOW - 20_000, pending: 1, oldestPendingSinceMs: NOW - 10_001 };
    expect(publishingHealth(seen, NOW, 10_000).state).toBe('blocked');
  });

  it('is blocked by a failure until a later success', () => {
    const failed = { ...quiet, lastSuccessAtMs: NOW - 20_000, lastFailureAtMs: NOW - 1_000, consecutiveFailures: 3 };
    expect(publishingHealth(failed, NOW, 10_000)).toMatchObject({ state: 'blocked', consecutiveFailures: 3 });
    const recovered = { ...failed, lastSuccessAtMs: NOW - 10, consecutiveFailures: 0 };
    expect(publishingHealth(recovered, NOW, 10_000).state).toBe('ok');
  });

  it('is blocked while dead-letter writes fail, though events still publish', () => {
    const seen = { ...quiet, lastSuccessAtMs: NOW - 10, deadLetterFailing: true };
    expect(publishingHealth(seen, NOW, 10_000)).toMatchObject({ state: 'blocked', deadLetters: 'failing' });
    expect(publishingHealth({ ...seen, deadLetterFailing: false }, NOW, 10_000)).toMatchObject({
      state: 'ok',
      deadLetters: 'ok',
    });
  });
});

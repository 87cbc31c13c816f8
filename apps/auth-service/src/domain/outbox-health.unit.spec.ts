import { describe, expect, it } from 'vitest';
import { outboxHealth } from './outbox-health';

describe('outbox health', () => {
  it('is publishing and ready when nothing waits', () => {
    expect(outboxHealth({ events: 0, oldestAgeMs: undefined }, 30_000)).toEqual({
      state: 'publishing',
      ready: true,
      waitingEvents: 0,
      oldestWaitingSeconds: null,
    });
  });

  it('stays ready through a short blip, saying how many events wait and for how long', () => {
    expect(outboxHealth({ events: 3, oldestAgeMs: 12_340 }, 30_000)).toEqual({
      state: 'waiting',
      ready: true,
      waitingEvents: 3,
      oldestWaitingSeconds: 12.3,
    });
    expect(outboxHealth({ events: 3, oldestAgeMs: 30_000 }, 30_000).ready).toBe(true);
  });

  it('is not ready once the oldest waiting event is older than the threshold', () => {
    expect(outboxHealth({ events: 5, oldestAgeMs: 30_001 }, 30_000)).toMatchObject({ state: 'stuck', ready: false });
  });
});

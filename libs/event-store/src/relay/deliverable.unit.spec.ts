import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../types';
import { deliverable } from './deliverable';

const event = (streamId: string, version: number, globalPosition: number): StoredEvent => ({
  eventId: `${streamId}-${String(version)}`,
  streamId,
  version,
  globalPosition,
  type: 'Tested',
  data: { eventId: `${streamId}-${String(version)}`, type: 'Tested' },
  recordedAt: new Date(0),
});

const ids = (events: StoredEvent[]) => events.map((e) => e.eventId);

describe('deliverable', () => {
  it('takes per stream only the unbroken run after what was published', () => {
    const picked = deliverable(
      [event('a', 3, 5), event('a', 5, 7), event('a', 2, 3), event('b', 2, 4)],
      new Map([['a', 1]]),
    );
    expect(ids(picked)).toEqual(['a-2', 'a-3']);
  });

  it('skips versions already published', () => {
    expect(ids(deliverable([event('a', 1, 1), event('a', 2, 2)], new Map([['a', 1]])))).toEqual(['a-2']);
  });

  it('keeps version order within a stream even when positions disagree, interleaving streams by position', () => {
    // a-2 got a lower position than a-1 (allocated before a retry); b sits between them.
    const picked = deliverable([event('a', 2, 10), event('b', 1, 11), event('a', 1, 12)], new Map());
    expect(ids(picked)).toEqual(['a-1', 'b-1', 'a-2']);
  });
});

import type { EventStore } from '../event-store';
import type { NewEvent } from '../types';

export interface RelayLag {
  /** Events committed to the store and not yet published (checkpointed) by the relay. */
  events: number;
  /** Streams with at least one such event. */
  streams: number;
  /** Age of the oldest such event, undefined when there is none. */
  oldestAgeMs: number | undefined;
}

/** Compares the store with persisted checkpoints, so any instance can report it, leader or not. */
export async function measureLag<E extends NewEvent>(
  store: EventStore<E>,
  checkpoints: ReadonlyMap<string, number>,
  now: number,
): Promise<RelayLag> {
  const ranges = (await store.streamIds()).map((streamId) => ({
    streamId,
    afterVersion: checkpoints.get(streamId) ?? 0,
  }));
  const pending = await store.readStreamRanges(ranges);
  if (pending.length === 0) return { events: 0, streams: 0, oldestAgeMs: undefined };
  const oldest = Math.min(...pending.map((event) => event.recordedAt.getTime()));
  return {
    events: pending.length,
    streams: new Set(pending.map((event) => event.streamId)).size,
    oldestAgeMs: Math.max(0, now - oldest),
  };
}

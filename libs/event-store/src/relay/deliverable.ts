import type { NewEvent, StoredEvent } from '../types';

/**
 * Picks from `events` (any order, any streams) what may be published now: per stream, only the
 * unbroken run of versions right after what was already published. A missing version means its append
 * is still being written; later versions wait for it, so per-stream order is never broken.
 *
 * The result interleaves streams roughly by global position, but within a stream it is strictly by
 * version: each stream's slots (in position order) are refilled with its events in version order.
 */
export function deliverable<E extends NewEvent>(
  events: readonly StoredEvent<E>[],
  published: ReadonlyMap<string, number>,
): StoredEvent<E>[] {
  const byStream = new Map<string, StoredEvent<E>[]>();
  for (const event of events) {
    const list = byStream.get(event.streamId) ?? [];
    list.push(event);
    byStream.set(event.streamId, list);
  }
  const runs = new Map<string, StoredEvent<E>[]>();
  for (const [streamId, list] of byStream) {
    list.sort((a, b) => a.version - b.version);
    const run: StoredEvent<E>[] = [];
    let next = (published.get(streamId) ?? 0) + 1;
    for (const event of list) {
      if (event.version < next) continue;
      if (event.version > next) break;
      run.push(event);
      next += 1;
    }
    if (run.length > 0) runs.set(streamId, run);
  }
  const taken = [...runs.values()].flat().sort((a, b) => a.globalPosition - b.globalPosition);
  return taken.map((slot) => runs.get(slot.streamId)?.shift() ?? slot);
}

import type { BackfillEndOf } from './projection-metrics';
import type { StatusDocument } from '../domain/status-document';

const KNOWN_FOR_MS = 60_000;

/**
 * Each connector's backfill window end, read from its status document and kept a minute (a new
 * authorization starts a new window); not kept while unknown, so the first CollectionStarted is seen.
 */
export function backfillEnds(read: (connectorId: string) => Promise<StatusDocument | null>, now: () => Date) {
  const cache = new Map<string, { end: number; until: number }>();
  const lookup: BackfillEndOf = async (connectorId) => {
    const at = now().getTime();
    const cached = cache.get(connectorId);
    if (cached !== undefined && cached.until > at) return cached.end;
    const doc = await read(connectorId);
    // A document holding only an activity summary has no collection part yet.
    const to = doc?.collection === undefined ? undefined : doc.collection.backfill.window?.to;
    if (to === undefined) return null;
    const end = Date.parse(to);
    cache.set(connectorId, { end, until: at + KNOWN_FOR_MS });
    return end;
  };
  return lookup;
}

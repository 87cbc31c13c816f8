import { DEFAULT_COLLECTOR_CADENCE } from '@zc/contracts';
import type { CollectionPart } from './collection-part';
import type { ConnectorPart } from './connector-part';
import { isAfter } from './time';

/**
 * A declared stall. `since` is the deadline the last progress missed (last progress + bound), not the
 * moment a reader noticed: every instance and every sweep derives the same stall from the same view.
 */
export interface Stall {
  since: string;
  lastProgressAt: string | null;
  boundMs: number;
}

/**
 * How long a collector may stay silent: two missed polls, plus the lease TTL another instance waits
 * before it takes a dead owner's connector over. Until the owner announced its cadence (it does as its
 * term begins), the collectors' default one: "collecting" is never shown without a bound that can end it.
 */
export function silenceBoundMs(collection: CollectionPart): number {
  const cadence = collection.cadence ?? DEFAULT_COLLECTOR_CADENCE;
  return 2 * cadence.pollIntervalMs + cadence.leaseTtlMs;
}

/** Only a connector that is meant to be collected right now can stall. */
function collecting(connector: ConnectorPart, collection: CollectionPart): boolean {
  return (
    connector.lifecycle === 'authorized' &&
    collection.startedAt !== null &&
    isAfter(collection.startedAt, connector.lastDisconnectedAt)
  );
}

/** A pure function of time: a new stall when the last progress is older than the bound at `now`, else null. */
export function detectStall(connector: ConnectorPart, collection: CollectionPart, now: Date): Stall | null {
  const boundMs = silenceBoundMs(collection);
  const last = collection.lastProgress;
  if (last === null || !collecting(connector, collection)) return null;
  const deadline = Date.parse(last.at) + boundMs;
  if (now.getTime() <= deadline) return null;
  return { since: new Date(deadline).toISOString(), lastProgressAt: last.at, boundMs };
}

/**
 * A stall holds until progress that happened after its deadline: an old event delivered late (the
 * projection catching up) does not end it, so the status does not flap while a backlog drains.
 */
export function stallPersists(stall: Stall | null, connector: ConnectorPart, collection: CollectionPart): boolean {
  if (stall === null || !collecting(connector, collection)) return false;
  const last = collection.lastProgress;
  return last === null || last.at <= stall.since;
}

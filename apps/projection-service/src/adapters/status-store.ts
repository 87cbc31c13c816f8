import { insertManyIgnoringDuplicates, isDuplicateKeyError, type Collection } from '@zc/mongo';
import {
  initialStatusView,
  applyStatusEvents,
  type StatusEvent,
  type StatusTransition,
  type StatusView,
} from '../domain/status-view';
import { historyId, type ActivitySummary } from '../domain/view-fold';
import type { StatusCollections } from './view-collections';

/** The stored status: the view plus a version for optimistic concurrency and the activity summary. */
export interface StatusDocument extends StatusView, Partial<ActivitySummary> {
  _id: string;
  version: number;
}

export interface HistoryDocument extends StatusTransition {
  _id: string;
}

export class StatusWriteContendedError extends Error {
  readonly code = 'STATUS_WRITE_CONTENDED';
  constructor(readonly connectorId: string) {
    super(`Status of connector ${connectorId} kept changing under this writer; the batch will be retried`);
    this.name = 'StatusWriteContendedError';
  }
}

const MAX_ATTEMPTS = 8;

function viewOf(doc: StatusDocument | null, connectorId: string): { view: StatusView; version: number | null } {
  // A document created by an activity summary alone has no view yet.
  if (doc === null) return { view: initialStatusView(connectorId), version: null };
  if (doc.connector === undefined) return { view: initialStatusView(connectorId), version: doc.version };
  const { _id: _ignored, version, lastActivityAt: _a, lastActivityCollectedAt: _b, ...view } = doc;
  return { view, version };
}

/**
 * Applies one connector's events: read, fold (positions skip what was applied), write history, then the
 * view guarded by its version. Both status topics write this document, possibly from two instances,
 * so a lost race re-reads and refolds. History first: if we crash in between, redelivery refolds the same
 * events and the history inserts are duplicates, ignored.
 */
export async function applyToStatus(
  collections: StatusCollections,
  connectorId: string,
  events: readonly StatusEvent[],
): Promise<StatusTransition[]> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const { view, version } = viewOf(await collections.status.findOne({ _id: connectorId }), connectorId);
    const result = applyStatusEvents(view, events);
    if (result.applied === 0) return [];
    if (result.transitions.length > 0) {
      await insertManyIgnoringDuplicates(
        collections.history,
        result.transitions.map((transition) => ({ ...transition, _id: historyId(transition) })),
      );
    }
    if (await save(collections.status, result.view, version)) return result.transitions;
  }
  throw new StatusWriteContendedError(connectorId);
}

async function save(collection: Collection<StatusDocument>, view: StatusView, version: number | null) {
  if (version === null) {
    try {
      await collection.insertOne({ ...view, _id: view.connectorId, version: 1 });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
  const result = await collection.updateOne(
    { _id: view.connectorId, version },
    { $set: { ...view, version: version + 1 } },
  );
  return result.matchedCount === 1;
}

/** `$max` is commutative and idempotent, and leaves the version alone: it never races the status writer. */
export async function touchActivitySummary(
  collection: Collection<StatusDocument>,
  connectorId: string,
  summary: ActivitySummary,
): Promise<void> {
  const latest: Record<string, string> = {};
  if (summary.lastActivityAt !== null) latest['lastActivityAt'] = summary.lastActivityAt;
  if (summary.lastActivityCollectedAt !== null) latest['lastActivityCollectedAt'] = summary.lastActivityCollectedAt;
  if (Object.keys(latest).length === 0) return;
  await collection.updateOne({ _id: connectorId }, { $max: latest, $setOnInsert: { version: 0 } }, { upsert: true });
}

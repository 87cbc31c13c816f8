import { insertManyIgnoringDuplicates, isDuplicateKeyError, type Collection } from '@zc/mongo';
import { statusAt } from '../domain/status-clock';
import { viewOf, type StatusDocument } from '../domain/status-document';
import { applyStatusEvents, type StatusEvent, type StatusTransition, type StatusView } from '../domain/status-view';
import { historyId, type ActivitySummary } from '../domain/view-fold';
import { inStatusTurn } from './status-turns';
import type { StatusCollections } from './view-collections';

export class StatusWriteContendedError extends Error {
  readonly code = 'STATUS_WRITE_CONTENDED';
  constructor(readonly connectorId: string) {
    super(`Status of connector ${connectorId} kept changing under this writer; the batch will be retried`);
    this.name = 'StatusWriteContendedError';
  }
}

const MAX_ATTEMPTS = 8;

/**
 * Applies one connector's events: read, fold (positions skip what was applied), write history, then the
 * view guarded by its version. Both status topics write this document, possibly from two instances,
 * so a lost race re-reads and refolds. History first: if we crash in between, redelivery refolds the same
 * events and the history inserts are duplicates, ignored.
 */
export function applyToStatus(
  collections: StatusCollections,
  connectorId: string,
  events: readonly StatusEvent[],
): Promise<StatusTransition[]> {
  return inStatusTurn(turnKey(collections, connectorId), () => applyInTurn(collections, connectorId, events));
}

const turnKey = (collections: StatusCollections, connectorId: string) => statusTurnKey(collections.status, connectorId);
const statusTurnKey = (collection: Collection<StatusDocument>, connectorId: string) =>
  `${collection.dbName}.${collection.collectionName}:${connectorId}`;

async function applyInTurn(
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
  // In turn with the status writers: FerretDB runs `$max` as a read-modify-write of the whole document.
  await inStatusTurn(statusTurnKey(collection, connectorId), () =>
    collection.updateOne({ _id: connectorId }, { $max: latest, $setOnInsert: { version: 0 } }, { upsert: true }),
  );
}

/**
 * Stores the transitions time alone brings about (a collector silent past its bound): history first,
 * then the view under its version. A lost race is left to the next sweep; ids are derived from the
 * view, so two instances sweeping at once record one transition.
 */
export async function sweepStatuses(collections: StatusCollections, now: Date): Promise<StatusTransition[]> {
  const transitions: StatusTransition[] = [];
  for (const doc of await collections.status.find().toArray()) {
    if (doc.connector === undefined || statusAt(viewOf(doc, doc._id).view, now).transition === null) continue;
    // Re-read in turn: the projector may have moved the document since the scan.
    const transition = await inStatusTurn(turnKey(collections, doc._id), () => sweepOne(collections, doc._id, now));
    if (transition !== null) transitions.push(transition);
  }
  return transitions;
}

async function sweepOne(collections: StatusCollections, connectorId: string, now: Date) {
  const current = await collections.status.findOne({ _id: connectorId });
  if (current === null || current.connector === undefined) return null;
  const { view, version } = viewOf(current, connectorId);
  const result = statusAt(view, now);
  if (result.transition === null) return null;
  await insertManyIgnoringDuplicates(collections.history, [
    { ...result.transition, _id: historyId(result.transition) },
  ]);
  return (await save(collections.status, result.view, version)) ? result.transition : null;
}

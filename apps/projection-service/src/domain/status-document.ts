import { initialCollectionPart } from './collection-part';
import { statusAt } from './status-clock';
import { initialStatusView, type StatusTransition, type StatusView } from './status-view';
import type { ActivitySummary } from './view-fold';

/** The stored status: the view plus a version for optimistic concurrency and the activity summary. */
export interface StatusDocument extends StatusView, Partial<ActivitySummary> {
  _id: string;
  version: number;
}

/** One status transition as stored, `_id` = `<connectorId>:<eventId>` of the causing event. */
export interface HistoryDocument extends StatusTransition {
  _id: string;
}

/** The view a stored document holds and the version it was stored under (null: no document yet). */
export function viewOf(doc: StatusDocument | null, connectorId: string): { view: StatusView; version: number | null } {
  // A document created by an activity summary alone has no view yet.
  if (doc === null) return { view: initialStatusView(connectorId), version: null };
  if (doc.connector === undefined) return { view: initialStatusView(connectorId), version: doc.version };
  const { _id: _ignored, version, lastActivityAt: _a, lastActivityCollectedAt: _b, ...stored } = doc;
  return { view: upgraded(stored), version };
}

/** Documents written before a field existed get its initial value (the stall, progress and cadence marks). */
function upgraded(stored: StatusView): StatusView {
  const initial = initialStatusView(stored.connectorId);
  return { ...initial, ...stored, collection: { ...initialCollectionPart(), ...stored.collection } };
}

/** The stored document as it reads at `now`: a silent collector shows as stalled even between sweeps. */
export function statusDocumentAt(doc: StatusDocument, now: Date): StatusDocument {
  if (doc.connector === undefined) return doc;
  const { view } = viewOf(doc, doc._id);
  return { ...doc, ...statusAt(view, now).view };
}

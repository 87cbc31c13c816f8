import type { Capability, CollectionEvent, ConnectorEvent } from '@zc/contracts';
import { evolveCollectionPart, initialCollectionPart, type CollectionPart } from './collection-part';
import { evolveConnectorPart, initialConnectorPart, type ConnectorPart } from './connector-part';
import { deriveStatus, describeStatus, type ConnectorStatus, type StatusInputs } from './status-rules';
import { stallPersists, type Stall } from './status-staleness';
import { isAfter, utc } from './time';

/** The connector status view: one document per connector, both streams' parts plus the derived status. */
export interface StatusView {
  connectorId: string;
  connector: ConnectorPart;
  collection: CollectionPart;
  status: ConnectorStatus;
  reason: string;
  message: string;
  statusSince: string | null;
  cause: { eventType: string; eventId: string } | null;
  /** Set by a sweep or read that found the owning collector silent past its bound; ended by new progress. */
  stall: Stall | null;
}

export interface StatusTransition {
  connectorId: string;
  from: ConnectorStatus;
  to: ConnectorStatus;
  reason: string;
  message: string;
  at: string;
  cause: { eventType: string; eventId: string; sequence: number; stream: StatusStream };
}

export type StatusStream = 'connector' | 'collection';
export type StatusEvent = ConnectorEvent | CollectionEvent;

export function initialStatusView(connectorId: string): StatusView {
  const connector = initialConnectorPart();
  const collection = initialCollectionPart();
  const inputs = statusInputs(connector, collection);
  const verdict = deriveStatus(inputs);
  return {
    connectorId,
    connector,
    collection,
    ...verdict,
    message: describeStatus(verdict, inputs),
    statusSince: null,
    cause: null,
    stall: null,
  };
}

/**
 * Reduces both parts to what is in effect. Comparing event times (not arrival order) makes the result
 * independent of how the two topics interleave: a token failure is superseded by a later authorization
 * or refresh, an admin demotion by a later authorization, and everything by a later disconnect.
 */
export function statusInputs(connector: ConnectorPart, collection: CollectionPart, stalled = false): StatusInputs {
  const failing: Partial<Record<Capability, string>> = {};
  for (const capability of ['users', 'audit_logs', 'token'] as const) {
    const health = collection.capabilities[capability];
    if (health.state !== 'failing' || health.since === null || health.code === null) continue;
    if (!isAfter(health.since, connector.lastDisconnectedAt)) continue;
    if (capability === 'token' && !isAfter(health.since, connector.lastTokenEventAt)) continue;
    if (health.code === 'ADMIN_DEMOTED' && !isAfter(health.since, connector.lastAuthorizedEventAt)) continue;
    failing[capability] = health.code;
  }
  const collectionStarted =
    collection.startedAt !== null && isAfter(collection.startedAt, connector.lastDisconnectedAt);
  return {
    lifecycle: connector.lifecycle,
    authFailureReason: connector.authFailure?.reason ?? null,
    collectionStarted,
    stalled,
    failing,
  };
}

const COLLECTION_TYPES: ReadonlySet<string> = new Set<CollectionEvent['type']>([
  'CollectionStarted',
  'BackfillProgressed',
  'BackfillCompleted',
  'CapabilityFailed',
  'CapabilityRecovered',
  'CoverageRecorded',
  'CollectionHeartbeat',
]);

export function isCollectionEvent(event: StatusEvent): event is CollectionEvent {
  return COLLECTION_TYPES.has(event.type);
}

export function streamOf(event: StatusEvent): StatusStream {
  return isCollectionEvent(event) ? 'collection' : 'connector';
}

export interface Applied {
  view: StatusView;
  /** False when the event was at or behind the stream's position (a redelivery or replay). */
  applied: boolean;
  transition: StatusTransition | null;
}

/** Applies one event idempotently: each stream's position guards against redelivery and replays. */
export function applyStatusEvent(view: StatusView, event: StatusEvent): Applied {
  const stream = streamOf(event);
  const position = stream === 'connector' ? view.connector.position : view.collection.position;
  if (event.sequence <= position) return { view, applied: false, transition: null };

  const connector = isCollectionEvent(event)
    ? view.connector
    : { ...evolveConnectorPart(view.connector, event), position: event.sequence };
  const collection = isCollectionEvent(event)
    ? { ...evolveCollectionPart(view.collection, event), position: event.sequence }
    : view.collection;

  const stall = stallPersists(view.stall, connector, collection) ? view.stall : null;
  const inputs = statusInputs(connector, collection, stall !== null);
  const verdict = deriveStatus(inputs);
  const message = describeStatus(verdict, inputs);
  const changed = verdict.status !== view.status || verdict.reason !== view.reason;
  const at = utc(event.occurredAt);
  const cause = { eventType: event.type, eventId: event.eventId };
  const next: StatusView = {
    ...view,
    connector,
    collection,
    ...verdict,
    message,
    statusSince: changed ? at : view.statusSince,
    cause: changed ? cause : view.cause,
    stall,
  };
  const transition: StatusTransition | null = changed
    ? {
        connectorId: view.connectorId,
        from: view.status,
        to: verdict.status,
        reason: verdict.reason,
        message,
        at,
        cause: { ...cause, sequence: event.sequence, stream },
      }
    : null;
  return { view: next, applied: true, transition };
}

/** Folds many events of one connector; transitions in the order they happened. */
export function applyStatusEvents(view: StatusView, events: readonly StatusEvent[]) {
  const transitions: StatusTransition[] = [];
  let current = view;
  let applied = 0;
  for (const event of events) {
    const result = applyStatusEvent(current, event);
    current = result.view;
    if (result.applied) applied += 1;
    if (result.transition) transitions.push(result.transition);
  }
  return { view: current, applied, transitions };
}

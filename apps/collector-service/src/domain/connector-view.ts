import { DEFAULT_RATE_LIMIT_PER_MINUTE, NO_SEQUENCE, type ConnectorEvent, type EncryptedBlob } from '@zc/contracts';

export type ConnectorStatus = 'registered' | 'active' | 'disconnected';

export interface RecollectionRequest {
  /** The RecollectionRequested event's id, so a redelivered request is queued once. */
  readonly requestId: string;
  readonly from: string;
  readonly to: string;
}

/** What the collector needs to know about a connector, folded from `connector.events`. */
export interface ConnectorView {
  readonly connectorId: string;
  /** The last connector-stream sequence applied: the redelivery guard. */
  readonly lastSequence: number;
  readonly subdomain: string | null;
  readonly endpoint: string | null;
  readonly rateLimitPerMinute: number;
  /** Sealed as received; unsealed only in memory when calling Zendesk. Null when there is none. */
  readonly tokenBundle: EncryptedBlob | null;
  /** Bumped on every new token (or credentials), so a worker paused on 401 knows to try again. */
  readonly tokenVersion: number;
  readonly status: ConnectorStatus;
  readonly authorizedAt: string | null;
  /** Bumped when collection (re)starts after an authorization: a new backfill, a fresh checkpoint. */
  readonly generation: number;
  readonly recollections: readonly RecollectionRequest[];
}

export const emptyConnectorView = (connectorId: string): ConnectorView => ({
  connectorId,
  lastSequence: NO_SEQUENCE,
  subdomain: null,
  endpoint: null,
  rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE,
  tokenBundle: null,
  tokenVersion: 0,
  status: 'registered',
  authorizedAt: null,
  generation: 0,
  recollections: [],
});

/** True when the event was applied already (at-least-once delivery, replays). */
export const alreadyApplied = (view: ConnectorView, event: ConnectorEvent): boolean =>
  event.sequence <= view.lastSequence;

/** Folds one connector event into the view; never rejects a recorded event. */
export function evolveConnectorView(view: ConnectorView, event: ConnectorEvent): ConnectorView {
  const next = { ...view, lastSequence: Math.max(view.lastSequence, event.sequence) };
  switch (event.type) {
    case 'ConnectorRegistered':
      return {
        ...next,
        subdomain: event.data.providerDetails.subdomain,
        endpoint: event.data.endpoint,
        rateLimitPerMinute: event.data.rateLimitPerMinute,
      };
    case 'ConnectorAuthorized':
      return {
        ...next,
        tokenBundle: event.data.tokenBundle,
        tokenVersion: view.tokenVersion + 1,
        status: 'active',
        authorizedAt: event.data.authorizedAt,
        // A re-authorization of a live connector keeps its checkpoint; one after a disconnect starts over.
        generation: view.status === 'active' ? view.generation : view.generation + 1,
      };
    case 'ConnectorTokenRefreshed':
      return view.status === 'disconnected'
        ? next
        : { ...next, tokenBundle: event.data.tokenBundle, tokenVersion: view.tokenVersion + 1 };
    case 'ConnectorCredentialsRotated':
      return { ...next, tokenVersion: view.tokenVersion + 1 };
    case 'ConnectorRateLimitChanged':
      return { ...next, rateLimitPerMinute: event.data.rateLimitPerMinute };
    case 'ConnectorDisconnected':
      return { ...next, status: 'disconnected', tokenBundle: null, recollections: [] };
    case 'RecollectionRequested':
      if (view.recollections.some((request) => request.requestId === event.eventId)) return next;
      return {
        ...next,
        recollections: [
          ...view.recollections,
          { requestId: event.eventId, from: event.data.window.from, to: event.data.window.to },
        ],
      };
    case 'ConnectorAuthorizationStarted':
    case 'ConnectorAuthorizationFailed':
    case 'ConnectionTested':
    case 'ConnectorTokenRotationDue':
      return next;
    default: {
      const _exhaustive: never = event;
      return next;
    }
  }
}

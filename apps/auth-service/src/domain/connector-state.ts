import type {
  AuthorizationFailureReason,
  AuthorizingUser,
  ConnectionCheck,
  ConnectorEvent,
  EncryptedBlob,
  ProviderName,
  TokenMetadata,
} from '@zc/contracts';

export type ConnectorStatus = 'new' | 'registered' | 'authorizing' | 'authorized' | 'failed' | 'disconnected';

export interface ConnectorToken {
  bundle: EncryptedBlob;
  metadata: TokenMetadata;
  /** When this token (not the first one of the authorization) was issued: authorization or last refresh. */
  issuedAt: string;
  rotationDueRaised: boolean;
}

/** A connector as its own stream tells it; everything the decider and the admin views need. */
export interface ConnectorState {
  status: ConnectorStatus;
  /** Events in the stream so far; the next event's sequence is `sequenceAfter(version)`. */
  version: number;
  connectorId: string;
  name: string;
  clientId: string;
  clientSecret: EncryptedBlob | null;
  /** Null only before registration. */
  provider: ProviderName | null;
  /** The Zendesk account, from the registration's `providerDetails`. */
  subdomain: string;
  endpoint: string;
  rateLimitPerMinute: number;
  redirectUrl: string;
  registeredAt: string | null;
  updatedAt: string | null;
  pendingAuthorization: { stateHash: string; expiresAt: string; scopes: string[] } | null;
  token: ConnectorToken | null;
  authorizingUser: AuthorizingUser | null;
  authorizedAt: string | null;
  lastFailure: { reason: AuthorizationFailureReason; message: string; at: string } | null;
  lastTest: { ok: boolean; checks: ConnectionCheck[]; at: string } | null;
  /** Credentials were rotated after the last authorization: Zendesk must be connected again. */
  needsReconnect: boolean;
  disconnected: { tokenRevoked: boolean; at: string } | null;
  lastRecollection: { from: string; to: string; requestedAt: string } | null;
}

export const initialState = (): ConnectorState => ({
  status: 'new',
  version: 0,
  connectorId: '',
  name: '',
  clientId: '',
  clientSecret: null,
  provider: null,
  subdomain: '',
  endpoint: '',
  rateLimitPerMinute: 0,
  redirectUrl: '',
  registeredAt: null,
  updatedAt: null,
  pendingAuthorization: null,
  token: null,
  authorizingUser: null,
  authorizedAt: null,
  lastFailure: null,
  lastTest: null,
  needsReconnect: false,
  disconnected: null,
  lastRecollection: null,
});

export function evolve(state: ConnectorState, event: ConnectorEvent): ConnectorState {
  const next: ConnectorState = { ...state, version: state.version + 1, updatedAt: event.occurredAt };
  switch (event.type) {
    case 'ConnectorRegistered':
      return {
        ...next,
        status: 'registered',
        connectorId: event.connectorId,
        name: event.data.name,
        clientId: event.data.clientId,
        clientSecret: event.data.clientSecret,
        provider: event.data.provider,
        subdomain: event.data.providerDetails.subdomain,
        endpoint: event.data.endpoint,
        rateLimitPerMinute: event.data.rateLimitPerMinute,
        redirectUrl: event.data.redirectUrl,
        registeredAt: event.occurredAt,
      };
    case 'ConnectorAuthorizationStarted':
      return {
        ...next,
        status: state.status === 'authorized' ? 'authorized' : 'authorizing',
        pendingAuthorization: {
          stateHash: event.data.stateHash,
          expiresAt: event.data.expiresAt,
          scopes: event.data.scopes,
        },
      };
    case 'ConnectorAuthorized':
      return {
        ...next,
        status: 'authorized',
        pendingAuthorization: null,
        token: {
          bundle: event.data.tokenBundle,
          metadata: event.data.token,
          issuedAt: event.data.authorizedAt,
          rotationDueRaised: false,
        },
        authorizingUser: event.data.authorizingUser,
        authorizedAt: event.data.authorizedAt,
        lastFailure: null,
        needsReconnect: false,
      };
    case 'ConnectorAuthorizationFailed':
      return {
        ...next,
        // A failed re-authorization leaves a working token alone; a dead token (INVALID_GRANT on refresh) does not.
        status: state.status === 'authorized' && event.data.reason !== 'INVALID_GRANT' ? 'authorized' : 'failed',
        token: state.status === 'authorized' && event.data.reason !== 'INVALID_GRANT' ? state.token : null,
        pendingAuthorization: null,
        lastFailure: { reason: event.data.reason, message: event.data.message, at: event.occurredAt },
      };
    case 'ConnectionTested':
      return { ...next, lastTest: { ok: event.data.ok, checks: event.data.checks, at: event.occurredAt } };
    case 'ConnectorTokenRefreshed':
      return {
        ...next,
        token: {
          bundle: event.data.tokenBundle,
          metadata: event.data.token,
          issuedAt: event.data.refreshedAt,
          rotationDueRaised: false,
        },
      };
    case 'ConnectorTokenRotationDue':
      return state.token ? { ...next, token: { ...state.token, rotationDueRaised: true } } : next;
    case 'ConnectorRateLimitChanged':
      return { ...next, rateLimitPerMinute: event.data.rateLimitPerMinute };
    case 'ConnectorCredentialsRotated':
      return {
        ...next,
        clientId: event.data.clientId,
        clientSecret: event.data.clientSecret,
        needsReconnect: state.token !== null,
      };
    case 'ConnectorDisconnected':
      return {
        ...next,
        status: 'disconnected',
        token: null,
        pendingAuthorization: null,
        disconnected: { tokenRevoked: event.data.tokenRevoked, at: event.occurredAt },
      };
    case 'RecollectionRequested':
      return {
        ...next,
        lastRecollection: { ...event.data.window, requestedAt: event.occurredAt },
      };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

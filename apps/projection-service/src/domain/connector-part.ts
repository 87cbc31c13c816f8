import {
  NO_SEQUENCE,
  rotationDueAtOf,
  type ConnectionCheck,
  type ConnectorEvent,
  type TokenMetadata,
} from '@zc/contracts';
import type { Lifecycle } from './status-rules';
import { later, utc } from './time';

export interface TokenInfo {
  expiresAt: string | null;
  refreshable: boolean;
  /** When the current token was issued (authorization or last refresh); its age counts from here. */
  issuedAt: string;
  scopes: string[];
}

/** What the connector stream (`connector.events`) says about a connector. */
export interface ConnectorPart {
  /** Last applied sequence of the connector stream; NO_SEQUENCE before any. */
  position: number;
  lifecycle: Lifecycle;
  name: string | null;
  subdomain: string | null;
  endpoint: string | null;
  rateLimitPerMinute: number | null;
  authorizedAt: string | null;
  authorizingUser: { zendeskUserId: number; role: string } | null;
  token: TokenInfo | null;
  rotationDueAt: string | null;
  authFailure: { reason: string; message: string; at: string } | null;
  lastTest: { ok: boolean; at: string; checks: ConnectionCheck[] } | null;
  /** Latest ConnectorAuthorized/ConnectorTokenRefreshed: token failures older than this are superseded. */
  lastTokenEventAt: string | null;
  lastAuthorizedEventAt: string | null;
  lastDisconnectedAt: string | null;
}

export const initialConnectorPart = (): ConnectorPart => ({
  position: NO_SEQUENCE,
  lifecycle: 'unknown',
  name: null,
  subdomain: null,
  endpoint: null,
  rateLimitPerMinute: null,
  authorizedAt: null,
  authorizingUser: null,
  token: null,
  rotationDueAt: null,
  authFailure: null,
  lastTest: null,
  lastTokenEventAt: null,
  lastAuthorizedEventAt: null,
  lastDisconnectedAt: null,
});

/** Never throws: a recorded event is a fact, so odd ones (e.g. a test before registration) are simply folded in. */
export function evolveConnectorPart(part: ConnectorPart, event: ConnectorEvent): ConnectorPart {
  const at = utc(event.occurredAt);
  switch (event.type) {
    case 'ConnectorRegistered':
      return {
        ...part,
        lifecycle: part.lifecycle === 'unknown' ? 'registered' : part.lifecycle,
        name: event.data.name,
        subdomain: event.data.providerDetails.subdomain,
        endpoint: event.data.endpoint,
        rateLimitPerMinute: event.data.rateLimitPerMinute,
      };
    case 'ConnectorAuthorizationStarted':
      return { ...part, lifecycle: part.lifecycle === 'authorized' ? 'authorized' : 'authorizing' };
    case 'ConnectorAuthorized':
      return {
        ...part,
        lifecycle: 'authorized',
        authorizedAt: utc(event.data.authorizedAt),
        authorizingUser: {
          // Kept under its Zendesk name: the status documents and the API already hold it so.
          zendeskUserId: event.data.authorizingUser.providerUserId,
          role: event.data.authorizingUser.role,
        },
        token: tokenInfo(event.data.token, utc(event.data.authorizedAt)),
        rotationDueAt: rotationDue(event.data.token, event.data.authorizedAt),
        authFailure: null,
        lastTokenEventAt: later(part.lastTokenEventAt, at),
        lastAuthorizedEventAt: later(part.lastAuthorizedEventAt, at),
      };
    case 'ConnectorAuthorizationFailed':
      return {
        ...part,
        lifecycle: 'authorization_failed',
        authFailure: { reason: event.data.reason, message: event.data.message, at },
      };
    case 'ConnectionTested':
      return { ...part, lastTest: { ok: event.data.ok, at, checks: event.data.checks } };
    case 'ConnectorTokenRefreshed':
      return {
        ...part,
        token: tokenInfo(event.data.token, utc(event.data.refreshedAt)),
        rotationDueAt: rotationDue(event.data.token, event.data.refreshedAt),
        lastTokenEventAt: later(part.lastTokenEventAt, at),
      };
    case 'ConnectorTokenRotationDue':
      return { ...part, rotationDueAt: utc(event.data.dueAt) };
    case 'ConnectorRateLimitChanged':
      return { ...part, rateLimitPerMinute: event.data.rateLimitPerMinute };
    case 'ConnectorCredentialsRotated':
    case 'RecollectionRequested':
      return part;
    case 'ConnectorDisconnected':
      return {
        ...part,
        lifecycle: 'disconnected',
        token: null,
        lastDisconnectedAt: later(part.lastDisconnectedAt, at),
      };
  }
}

/** The token's rotation time as its event carries it, in UTC; null for a token that is never due. */
function rotationDue(token: TokenMetadata, issuedAt: string): string | null {
  const dueAt = rotationDueAtOf(token, utc(issuedAt));
  return dueAt === null ? null : utc(dueAt);
}

function tokenInfo(token: { expiresAt: string | null; refreshable: boolean; scopes: string[] }, issuedAt: string) {
  return {
    expiresAt: token.expiresAt === null ? null : utc(token.expiresAt),
    refreshable: token.refreshable,
    issuedAt,
    scopes: token.scopes,
  };
}

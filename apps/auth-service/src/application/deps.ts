import type { ApiKeyStore } from '@zc/api-keys';
import type { Actor } from '@zc/contracts';
import type { KeyRing } from '@zc/secrets';
import type { ConnectorClaims } from '../adapters/connector-claims';
import type { ConnectorRepository } from '../adapters/connector-repository';
import type { OAuthStateStore } from '../adapters/oauth-states';
import type { ZendeskGateway } from '../adapters/zendesk-gateway';
import type { ConnectionTestRuns } from './connection-test';

/** Everything the use cases need, injected by app.ts / main.ts (and replaced in tests). */
export interface AuthDeps {
  repository: ConnectorRepository;
  /** Who holds each (Zendesk account, OAuth client) pair: one connector per pair. */
  claims: ConnectorClaims;
  states: OAuthStateStore;
  testRuns: ConnectionTestRuns;
  zendesk: ZendeskGateway;
  keyRing: KeyRing;
  apiKeys: ApiKeyStore;
  now: () => Date;
  newId: () => string;
  publicBaseUrl: string;
  consoleUrl?: string | undefined;
  oauthStateTtlMs: number;
  tokenRotationAgeMs: number;
}

/** Who asked and under which correlation id; it ends up in every event the request causes. */
export interface RequestContext {
  actor: Actor;
  correlationId: string;
  causationId: string | null;
}

/** The OAuth scopes a connector asks for: read users and audit logs, nothing else. */
export const ZENDESK_SCOPES = ['users:read', 'auditlogs:read'];

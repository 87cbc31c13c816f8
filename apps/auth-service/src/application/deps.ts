import type { ApiKeyStore } from '@zc/api-keys';
import type { Actor } from '@zc/contracts';
import type { KeyRing } from '@zc/secrets';
import type { ConnectionTestRuns } from './ports/connection-test-runs';
import type { ConnectorClaims } from './ports/connector-claims';
import type { ConnectorProvider } from './ports/connector-provider';
import type { ConnectorRepository } from './ports/connector-repository';
import type { OAuthStateStore } from './ports/oauth-states';

/** Everything the use cases need, injected by app.ts / main.ts (and replaced in tests). */
export interface AuthDeps {
  repository: ConnectorRepository;
  /** Who holds each (Zendesk account, OAuth client) pair: one connector per pair. */
  claims: ConnectorClaims;
  states: OAuthStateStore;
  /** The SaaS provider connectors connect to (Zendesk). */
  provider: ConnectorProvider;
  testRuns: ConnectionTestRuns;
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

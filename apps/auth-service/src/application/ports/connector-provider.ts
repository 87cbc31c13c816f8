import type { AuthorizationFailureReason, ProviderName } from '@zc/contracts';

/**
 * The SaaS provider a connector connects to, as the use cases need it: the OAuth authorization-code
 * flow, who authorized and whether they may, whether the audit log can be read, and the token's own
 * life (refresh, revoke). Zendesk (`adapters/zendesk-provider.ts`) is the one implementation; a second
 * provider is a second adapter of this port.
 */
export interface ConnectorProvider {
  /** Which provider this is; recorded on `ConnectorRegistered`, so every reader of the stream knows it. */
  readonly name: ProviderName;
  /** What a connector asks the provider for; recorded with each authorization. */
  readonly scopes: readonly string[];
  /** The account an admin's input names (already validated by the HTTP schema); throws on anything else. */
  accountOf(input: string): { subdomain: string; endpoint: string };
  /** The URL an admin opens to consent (and the same URL as a browser must open it), with its PKCE verifier. */
  startAuthorization(client: ProviderClient, params: { redirectUri: string; state: string }): AuthorizationStart;
  exchangeCode(
    client: ProviderClient & { clientSecret: string },
    params: { code: string; redirectUri: string; codeVerifier: string },
  ): Promise<ProviderGrant>;
  /** Fails with reason INVALID_GRANT when the provider no longer accepts the refresh token. */
  refresh(client: ProviderClient & { clientSecret: string }, refreshToken: string): Promise<ProviderGrant>;
  whoAmI(account: ProviderAccount, accessToken: string): Promise<ProviderUser>;
  /** Resolves when the token may read the audit log; fails with PLAN_NOT_SUPPORTED when the plan has none. */
  probeAuditAccess(account: ProviderAccount, accessToken: string): Promise<void>;
  /** The provider's id and scopes of the token it is called with. */
  currentToken(account: ProviderAccount, accessToken: string): Promise<{ tokenId: number; scopes: string[] }>;
  revoke(account: ProviderAccount, accessToken: string, tokenId: number | 'current'): Promise<void>;
  /** How a person reads "this user may not connect". */
  notAdminMessage(user: ProviderUser): string;
}

/** The provider account a connector reaches (for Zendesk, `<account>.zendesk.com`). */
export interface ProviderAccount {
  readonly endpoint: string;
}

export interface ProviderClient extends ProviderAccount {
  readonly clientId: string;
}

export interface AuthorizationStart {
  readonly authorizeUrl: string;
  readonly browserUrl: string;
  readonly codeVerifier: string;
}

export interface ProviderGrant {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  /** Granted scopes when the grant names them. */
  readonly scopes: string[] | null;
  /** Null for tokens that never expire. */
  readonly expiresInSeconds: number | null;
}

export interface ProviderUser {
  /** Null when the provider did not recognise the token. */
  readonly userId: number | null;
  readonly email: string | null;
  readonly role: string | null;
  /** Holds the admin role and is not suspended. */
  readonly admin: boolean;
  readonly active: boolean;
}

export interface Failure {
  reason: AuthorizationFailureReason;
  message: string;
}

/** Every failure of a provider call, already explained for a person; the use cases branch on `reason`. */
export class ProviderError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'ProviderError';
  }
}

/** Any error of a provider call as a failure to record (non-provider errors as UPSTREAM_ERROR). */
export function failureOf(error: unknown): Failure {
  if (error instanceof ProviderError) return error.failure;
  const detail = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
  return {
    reason: 'UPSTREAM_ERROR',
    message: `The provider could not be reached or answered unexpectedly (${detail}).`,
  };
}

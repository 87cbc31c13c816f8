import type { Account } from './account';
import type { OAuthClient, OAuthToken, TokenMode } from './oauth-model';
import { DEFAULT_ACCESS_TTL_S, DEFAULT_REFRESH_TTL_S } from './oauth-model';

export interface IssueDeps {
  readonly nowMs: number;
  readonly nextId: () => number;
  readonly randomToken: () => string;
}

export interface IssueRequest {
  readonly client: OAuthClient;
  readonly userId: number;
  readonly scopes: readonly string[];
  readonly expiresIn?: number;
  readonly refreshExpiresIn?: number;
  /** client_credentials tokens always expire and never carry a refresh token. */
  readonly refreshable: boolean;
}

export interface TokenGrantBody {
  access_token: string;
  token_type: 'bearer';
  scope: string;
  refresh_token?: string;
  expires_in?: number;
  refresh_token_expires_in?: number;
}

/** Range checks from the reference §1.2; returns an error description or null. */
export function validateTtls(expiresIn?: number, refreshExpiresIn?: number): string | null {
  if (expiresIn !== undefined && !(expiresIn > 300 && expiresIn < 172_800)) {
    return 'expires_in must be greater than 300 and less than 172800';
  }
  if (refreshExpiresIn !== undefined && !(refreshExpiresIn > 604_800 && refreshExpiresIn < 7_776_000)) {
    return 'refresh_token_expires_in must be greater than 604800 and less than 7776000';
  }
  return null;
}

export function tokenModeFor(account: Account, client: OAuthClient): TokenMode {
  return client.tokenMode ?? account.settings.tokenMode;
}

/**
 * Legacy clients get a non-expiring token unless the request opts in with expires_in
 * (reference §1.5); expiring mode always sets TTLs and, when refreshable, a refresh token.
 */
export function issueToken(account: Account, request: IssueRequest, deps: IssueDeps): TokenGrantBody {
  const expiring =
    !request.refreshable || request.expiresIn !== undefined || tokenModeFor(account, request.client) === 'expiring';
  const accessTtl = expiring ? (request.expiresIn ?? DEFAULT_ACCESS_TTL_S) : null;
  const refreshTtl = expiring && request.refreshable ? (request.refreshExpiresIn ?? DEFAULT_REFRESH_TTL_S) : null;
  const token: OAuthToken = {
    id: deps.nextId(),
    accessToken: deps.randomToken(),
    refreshToken: refreshTtl === null ? null : deps.randomToken(),
    clientId: request.client.id,
    userId: request.userId,
    scopes: [...request.scopes],
    createdAt: deps.nowMs,
    usedAt: null,
    expiresAt: accessTtl === null ? null : deps.nowMs + accessTtl * 1000,
    refreshExpiresAt: refreshTtl === null ? null : deps.nowMs + refreshTtl * 1000,
  };
  account.tokens.add(token);
  const body: TokenGrantBody = { access_token: token.accessToken, token_type: 'bearer', scope: token.scopes.join(' ') };
  if (accessTtl !== null) body.expires_in = accessTtl;
  if (token.refreshToken !== null && refreshTtl !== null) {
    body.refresh_token = token.refreshToken;
    body.refresh_token_expires_in = refreshTtl;
  }
  return body;
}

import {
  createPkcePair,
  createZendeskClient,
  createZendeskOAuth,
  OAuthError,
  parseZendeskEndpoint,
  type FetchLike,
  type TokenGrant,
  type ZendeskClient,
} from '@zc/zendesk';
import {
  ProviderError,
  type ConnectorProvider,
  type ProviderGrant,
  type ProviderUser,
} from '../application/ports/connector-provider';
import { exchangeFailure, notAdminMessage, upstreamFailure } from './zendesk-failures';

export interface ZendeskProviderOptions {
  /** Trusted deployment setting (ZENDESK_HOST_OVERRIDE_URL): serve every <account>.zendesk.com from here. */
  hostOverrideUrl?: string | undefined;
  /** Per Zendesk request (ZENDESK_REQUEST_TIMEOUT); past it the call fails with ZENDESK_TIMEOUT. */
  timeoutMs: number;
  /** Tests answer for Zendesk; production uses @zc/zendesk's transport. */
  fetch?: FetchLike;
}

/** The OAuth scopes a connector asks for: read users and audit logs, nothing else. */
export const ZENDESK_SCOPES = ['users:read', 'auditlogs:read'];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const grantOf = (grant: TokenGrant): ProviderGrant => ({
  accessToken: grant.access_token,
  refreshToken: grant.refresh_token ? grant.refresh_token : null,
  scopes: grant.scope ? grant.scope.split(/\s+/).filter((s) => s.length > 0) : null,
  expiresInSeconds: grant.expires_in ?? null,
});

/** Runs a Zendesk call; its failure becomes a ProviderError explained by `explain`. */
async function explained<T>(call: () => Promise<T>, explain = upstreamFailure): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new ProviderError(explain(error));
  }
}

/** Zendesk as auth's provider; server-side calls always name the real host. */
export function createZendeskProvider(options: ZendeskProviderOptions): ConnectorProvider {
  const override = options.hostOverrideUrl;
  const common = (endpoint: string) => ({
    endpoint,
    timeoutMs: options.timeoutMs,
    userAgent: 'zc-auth-service',
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(override === undefined ? {} : { hostMap: { [endpoint]: override } }),
  });
  const api = (endpoint: string, accessToken: string): ZendeskClient =>
    createZendeskClient({ ...common(endpoint), accessToken });
  const oauth = (client: { endpoint: string; clientId: string; clientSecret?: string }) =>
    createZendeskOAuth({ ...common(client.endpoint), ...client });

  /** The authorize URL as a browser must open it (rewritten to the override in development). */
  const browserUrl = (authorizeUrl: string): string => {
    if (override === undefined) return authorizeUrl;
    const url = new URL(authorizeUrl);
    const base = new URL(override);
    // A browser cannot send Host: acme.zendesk.com to 127.0.0.1, and the simulator picks the account by
    // Host; <account>.zendesk.localhost resolves to loopback and names the account.
    const host = LOOPBACK.has(base.hostname) ? url.hostname.replace(/\.com$/, '.localhost') : base.hostname;
    url.protocol = base.protocol;
    url.hostname = host;
    url.port = base.port;
    return url.toString();
  };

  return {
    name: 'zendesk',
    scopes: ZENDESK_SCOPES,
    accountOf(input) {
      const endpoint = parseZendeskEndpoint(input);
      return { subdomain: endpoint.subdomain, endpoint: endpoint.host };
    },
    startAuthorization(client, params) {
      const pkce = createPkcePair();
      const authorizeUrl = oauth(client).authorizeUrl({
        redirectUri: params.redirectUri,
        scopes: ZENDESK_SCOPES,
        state: params.state,
        codeChallenge: pkce.challenge,
      });
      return { authorizeUrl, browserUrl: browserUrl(authorizeUrl), codeVerifier: pkce.verifier };
    },
    exchangeCode: (client, params) =>
      explained(
        async () => grantOf(await oauth(client).exchangeCode({ ...params, scopes: ZENDESK_SCOPES })),
        exchangeFailure,
      ),
    refresh: (client, refreshToken) =>
      explained(
        async () => grantOf(await oauth(client).refresh({ refreshToken })),
        (error) =>
          error instanceof OAuthError && error.oauthError === 'invalid_grant'
            ? {
                reason: 'INVALID_GRANT',
                message: 'Zendesk refused the refresh token; the connector needs reconnecting (authorize it again).',
              }
            : upstreamFailure(error),
      ),
    whoAmI: (account, accessToken) =>
      explained(async (): Promise<ProviderUser> => {
        const me = await api(account.endpoint, accessToken).getMe();
        return {
          userId: me.id,
          email: me.email ?? null,
          role: me.role ?? null,
          admin: me.role === 'admin' && me.suspended !== true,
          active: me.active !== false,
        };
      }),
    probeAuditAccess: (account, accessToken) =>
      explained(async () => {
        await api(account.endpoint, accessToken).auditLogPages({ pageSize: 1 }).next();
      }),
    currentToken: (account, accessToken) =>
      explained(async () => {
        const info = await api(account.endpoint, accessToken).getToken('current');
        return { tokenId: info.id, scopes: info.scopes };
      }),
    revoke: (account, accessToken, tokenId) => explained(() => api(account.endpoint, accessToken).revokeToken(tokenId)),
    notAdminMessage: (user) => notAdminMessage(user.email, user.role),
  };
}

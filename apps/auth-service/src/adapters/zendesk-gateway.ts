import { createZendeskClient, createZendeskOAuth, type ZendeskClient, type ZendeskOAuth } from '@zc/zendesk';

export interface ZendeskGatewayOptions {
  /** Trusted deployment setting (ZENDESK_HOST_OVERRIDE_URL): serve every <account>.zendesk.com from here. */
  hostOverrideUrl?: string | undefined;
  /** Per Zendesk request (ZENDESK_REQUEST_TIMEOUT); past it the call fails with ZENDESK_TIMEOUT. */
  timeoutMs: number;
}

/** Builds Zendesk clients per connector; server-side calls always name the real host. */
export interface ZendeskGateway {
  oauth(endpoint: string, clientId: string, clientSecret?: string): ZendeskOAuth;
  api(endpoint: string, accessToken: string): ZendeskClient;
  /** The authorize URL as a browser must open it (rewritten to the override in development). */
  browserUrl(authorizeUrl: string): string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function createZendeskGateway(options: ZendeskGatewayOptions): ZendeskGateway {
  const override = options.hostOverrideUrl;
  const common = (endpoint: string) => ({
    endpoint,
    timeoutMs: options.timeoutMs,
    userAgent: 'zc-auth-service',
    ...(override === undefined ? {} : { hostMap: { [endpoint]: override } }),
  });
  return {
    oauth: (endpoint, clientId, clientSecret) =>
      createZendeskOAuth({ ...common(endpoint), clientId, ...(clientSecret === undefined ? {} : { clientSecret }) }),
    api: (endpoint, accessToken) => createZendeskClient({ ...common(endpoint), accessToken }),
    browserUrl(authorizeUrl) {
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
    },
  };
}

import { request } from 'node:http';
import { requestJson } from './http-json';
import type { AdminApi } from './service-clients';

interface RawResponse {
  status: number;
  location: string | undefined;
  body: string;
}

/** node:http rather than fetch: the simulator picks the account by the Host header, which fetch will not send. */
function send(
  base: string,
  host: string,
  path: string,
  init: { method?: string; form?: Record<string, string> } = {},
): Promise<RawResponse> {
  const target = new URL(path, base);
  const payload = init.form === undefined ? undefined : new URLSearchParams(init.form).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: init.method ?? 'GET',
        headers: {
          host,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(payload) }),
        },
        timeout: 15_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${target.toString()} timed out`)));
    req.end(payload);
  });
}

/** The hidden inputs of the simulator's consent form (every authorize parameter is carried through). */
export function consentFormFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const unescape = (value: string) =>
    value.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) =>
      e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'",
    );
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[unescape(match[1] ?? '')] = unescape(match[2] ?? '');
  }
  return fields;
}

export interface OAuthOutcome {
  ok: boolean;
  /** The auth service's callback answer (JSON). */
  callback: unknown;
  /** Where Zendesk redirected the browser (the callback URL with code or error). */
  redirectedTo: string;
}

export interface CompleteOAuthOptions {
  /** Base URL serving every <account>.zendesk.com (the simulator). */
  zendeskBaseUrl: string;
  /** Who is signed in at Zendesk when consenting (the simulator's `sim_user`: id or email); default the owner. */
  signedInAs?: string;
  decision?: 'allow' | 'deny';
}

/** The browser's part at Zendesk: open the authorize URL, press Allow (or Deny), return where Zendesk redirects. */
export async function consentAtZendesk(authorizeUrl: string, options: CompleteOAuthOptions): Promise<string> {
  const url = new URL(authorizeUrl);
  if (options.signedInAs !== undefined) url.searchParams.set('sim_user', options.signedInAs);
  const host = url.host;
  let answer = await send(options.zendeskBaseUrl, host, `${url.pathname}${url.search}`);
  if (answer.status === 200) {
    const fields = { ...consentFormFields(answer.body), decision: options.decision ?? 'allow' };
    answer = await send(options.zendeskBaseUrl, host, '/oauth/authorizations', { method: 'POST', form: fields });
  }
  if (answer.status !== 302 || answer.location === undefined) {
    throw new Error(`Zendesk did not redirect back (status ${String(answer.status)}): ${answer.body.slice(0, 300)}`);
  }
  return answer.location;
}

/** The browser arriving back at the auth service's callback (asking for JSON). */
export async function followCallback(location: string): Promise<OAuthOutcome> {
  const callback = await requestJson<{ ok?: boolean }>(location, { accept: [400] });
  return {
    ok: callback.status === 200 && callback.body.ok !== false,
    callback: callback.body,
    redirectedTo: location,
  };
}

/**
 * What a Zendesk admin does in the browser, over plain HTTP: open the authorize URL the auth service
 * returned, press Allow on the consent page (or be auto-approved), and follow the redirect back to the
 * auth service's callback.
 */
export async function completeOAuth(
  admin: AdminApi,
  connectorId: string,
  options: CompleteOAuthOptions,
): Promise<OAuthOutcome> {
  const { authorizeUrl } = await admin.authorize(connectorId);
  return followCallback(await consentAtZendesk(authorizeUrl, options));
}

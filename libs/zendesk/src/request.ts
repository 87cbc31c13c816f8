import type { z } from 'zod';
import type { ZendeskEndpoint } from './endpoint';
import { mapErrorResponse } from './error-mapping';
import { InvalidTokenError, MalformedResponseError, RequestTimeoutError, TransientError } from './errors';
import { type RateLimitMeta, parseRateLimitHeaders } from './rate-limit-headers';
import type { FetchLike } from './transport';

export interface ResponseMeta {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  readonly rateLimit: RateLimitMeta;
}

export interface RequestCore {
  readonly endpoint: ZendeskEndpoint;
  /** Where requests go: the endpoint's origin, or a trusted hostMap base URL. */
  readonly baseUrl: string;
  /** Set when baseUrl is not the endpoint itself, so the server still sees the account's host. */
  readonly hostHeader: string | null;
  readonly transport: FetchLike;
  readonly timeoutMs: number;
  readonly userAgent: string | null;
  readonly beforeRequest: ((path: string) => Promise<void>) | undefined;
  readonly now: () => number;
  readonly onResponse: ((meta: ResponseMeta) => void) | undefined;
}

export interface RawResponse {
  readonly status: number;
  readonly text: string;
  readonly headers: Headers;
}

/**
 * Links Zendesk returns (links.next, after_url) are followed only when they stay on the
 * account's own origin; anything else is a malformed response, never a request elsewhere.
 */
export function resolveLink(core: RequestCore, link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new MalformedResponseError('pagination link is not a URL', null);
  }
  if (url.origin !== core.endpoint.origin || url.username || url.password) {
    throw new MalformedResponseError('pagination link points outside the account', null);
  }
  return `${url.pathname}${url.search}`;
}

/** One request under the core's timeout; a network failure or a timeout is a TransientError. */
export async function sendRaw(
  core: RequestCore,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawResponse> {
  const pathOnly = path.split('?')[0] ?? path;
  await core.beforeRequest?.(pathOnly);
  const started = core.now();
  const allHeaders = {
    accept: 'application/json',
    ...headers,
    ...(core.userAgent ? { 'user-agent': core.userAgent } : {}),
    ...(core.hostHeader ? { host: core.hostHeader } : {}),
  };
  // One signal covers the answer and its body, so a server that stalls halfway cannot hold the caller either.
  const signal = AbortSignal.timeout(core.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await core.transport(`${core.baseUrl}${path}`, {
      method,
      headers: allHeaders,
      signal,
      ...(body !== undefined ? { body } : {}),
    });
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw new RequestTimeoutError(core.timeoutMs);
    throw new TransientError(`Network error: ${error instanceof Error ? error.message : String(error)}`, null);
  }
  const rateLimit = parseRateLimitHeaders(response.headers, core.now());
  core.onResponse?.({ method, path: pathOnly, status: response.status, durationMs: core.now() - started, rateLimit });
  return { status: response.status, text, headers: response.headers };
}

export function parseJson<S extends z.ZodType>(schema: S, raw: RawResponse): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(raw.text);
  } catch {
    throw new MalformedResponseError('body is not JSON', raw.status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new MalformedResponseError(parsed.error.issues[0]?.message ?? 'schema mismatch', raw.status);
  return parsed.data;
}

export interface AuthedOptions {
  readonly token: () => Promise<string>;
  readonly refresh: (() => Promise<string>) | undefined;
  readonly auditLogs?: boolean;
}

/** An authenticated API call; on 401 the refresh hook runs once and the call is retried once. */
export async function sendApi(
  core: RequestCore,
  method: string,
  path: string,
  auth: AuthedOptions,
): Promise<RawResponse> {
  let token = await auth.token();
  for (let attempt = 0; ; attempt += 1) {
    const raw = await sendRaw(core, method, path, { authorization: `Bearer ${token}` });
    if (raw.status >= 200 && raw.status < 300) return raw;
    if (raw.status === 401 && attempt === 0 && auth.refresh) {
      token = await auth.refresh();
      continue;
    }
    if (raw.status === 401) throw new InvalidTokenError();
    const retryAfterMs = parseRateLimitHeaders(raw.headers, core.now()).retryAfterMs;
    throw mapErrorResponse(raw.status, raw.text, { auditLogs: auth.auditLogs ?? false, retryAfterMs });
  }
}

import {
  InvalidTokenError,
  MalformedResponseError,
  TransientError,
  mapErrorResponse,
  parseRateLimitHeaders,
  parseZendeskEndpoint,
  type FetchLike,
  type ResponseMeta,
} from '@zc/zendesk';
import { z } from 'zod';

const UsersPage = z.object({
  users: z.array(z.looseObject({ id: z.number().int().nullable() })),
  meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullable().optional() }),
});

export interface UsersPageResult {
  readonly users: readonly ({ id: number | null } & Record<string, unknown>)[];
  readonly hasMore: boolean;
  readonly afterCursor: string | null;
}

export interface UsersPageDeps {
  readonly endpoint: string;
  readonly hostMap: Readonly<Record<string, string>>;
  readonly transport: FetchLike;
  readonly token: () => string;
  readonly onResponse: (meta: ResponseMeta) => void;
  readonly now: () => number;
}

/**
 * One page of the cursor user listing, starting after a stored cursor. @zc/zendesk's userPages()
 * always starts at the first page, so a backfill could not resume after a crash without paying for
 * every page again; this adapter adds the resumable form with the same error mapping.
 */
export async function fetchUsersPage(deps: UsersPageDeps, after: string | null): Promise<UsersPageResult> {
  const endpoint = parseZendeskEndpoint(deps.endpoint);
  const mapped = deps.hostMap[endpoint.host];
  const base = mapped ? new URL(mapped).origin : endpoint.origin;
  const params = new URLSearchParams({ 'page[size]': '100' });
  if (after !== null) params.set('page[after]', after);
  const path = '/api/v2/users.json';
  const started = deps.now();
  let response: Response;
  let text: string;
  try {
    response = await deps.transport(`${base}${path}?${params.toString()}`, {
      method: 'GET',
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${deps.token()}`,
        ...(mapped ? { host: endpoint.host } : {}),
      },
    });
    text = await response.text();
  } catch (error) {
    throw new TransientError(`Network error: ${error instanceof Error ? error.message : String(error)}`, null);
  }
  const rateLimit = parseRateLimitHeaders(response.headers, deps.now());
  deps.onResponse({ method: 'GET', path, status: response.status, durationMs: deps.now() - started, rateLimit });
  if (response.status === 401) throw new InvalidTokenError();
  if (response.status < 200 || response.status >= 300) {
    throw mapErrorResponse(response.status, text, { auditLogs: false, retryAfterMs: rateLimit.retryAfterMs });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MalformedResponseError('body is not JSON', response.status);
  }
  const parsed = UsersPage.safeParse(json);
  if (!parsed.success) throw new MalformedResponseError('unexpected users page', response.status);
  return {
    users: parsed.data.users,
    hasMore: parsed.data.meta.has_more,
    afterCursor: parsed.data.meta.after_cursor ?? null,
  };
}

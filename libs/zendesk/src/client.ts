import { type CoreOptions, createCore } from './core';
import type { ZendeskEndpoint } from './endpoint';
import { NotAdminError, InvalidTokenError } from './errors';
import { type AuditLogQuery, auditLogsPath } from './audit-log-query';
import { type RequestCore, parseJson, resolveLink, sendApi } from './request';
import * as S from './schemas';

export interface ZendeskClientOptions extends CoreOptions {
  readonly accessToken: string | (() => string | Promise<string>);
  /** Called once on a 401 to obtain a fresh token (e.g. a refresh grant); the request is retried once. */
  readonly refreshAccessToken?: () => Promise<string>;
}

export interface CursorPage<T> {
  readonly items: readonly T[];
  readonly hasMore: boolean;
  readonly afterCursor: string | null;
}

export type IncrementalStart = { readonly startTime: number } | { readonly cursor: string };

export interface TokenListQuery {
  readonly all?: boolean;
  readonly clientId?: number;
  readonly includeExpired?: boolean;
}

export interface ZendeskClient {
  readonly endpoint: ZendeskEndpoint;
  getMe(): Promise<S.ZendeskUser>;
  /** The account object, for the name its admins gave it. */
  getAccount(): Promise<S.ZendeskAccount>;
  /** users/me must name an active, unsuspended admin; a 200 alone proves nothing (reference §2). */
  requireAdmin(): Promise<S.ZendeskUser & { id: number }>;
  userPages(query?: { pageSize?: number; roles?: readonly string[] }): AsyncGenerator<CursorPage<S.ZendeskUser>>;
  auditLogPages(query?: AuditLogQuery): AsyncGenerator<CursorPage<S.AuditLog>>;
  auditLogs(query?: AuditLogQuery): AsyncGenerator<S.AuditLog>;
  getAuditLog(id: number): Promise<S.AuditLog>;
  incrementalUsers(start: IncrementalStart, perPage?: number): AsyncGenerator<S.IncrementalUsersPage>;
  listTokens(query?: TokenListQuery): Promise<S.OAuthTokenInfo[]>;
  getToken(id: number | 'current'): Promise<S.OAuthTokenInfo>;
  revokeToken(id: number | 'current'): Promise<void>;
}

async function* cursorPages<T>(
  core: RequestCore,
  firstPath: string,
  fetchPage: (path: string) => Promise<{ items: T[]; hasMore: boolean; after: string | null; next: string | null }>,
): AsyncGenerator<CursorPage<T>> {
  let path: string | null = firstPath;
  while (path) {
    const page = await fetchPage(path);
    yield { items: page.items, hasMore: page.hasMore, afterCursor: page.after };
    // Follow links.next verbatim (it carries the filters), but only on the account's origin.
    path = page.hasMore && page.next ? resolveLink(core, page.next) : null;
  }
}

export function createZendeskClient(options: ZendeskClientOptions): ZendeskClient {
  const core = createCore(options);
  const { accessToken } = options;
  const token = async () => (typeof accessToken === 'string' ? accessToken : await accessToken());
  const auth = { token, refresh: options.refreshAccessToken };
  const get = async (path: string, auditLogs = false) => sendApi(core, 'GET', path, { ...auth, auditLogs });

  const client: ZendeskClient = {
    endpoint: core.endpoint,
    getMe: async () => parseJson(S.MeSchema, await get('/api/v2/users/me.json')).user,
    getAccount: async () => parseJson(S.AccountOneSchema, await get('/api/v2/account.json')).account,
    async requireAdmin() {
      const me = await client.getMe();
      if (me.id === null) throw new InvalidTokenError(200);
      if (me.role !== 'admin') throw new NotAdminError(`The authorizing user's role is ${me.role ?? 'unknown'}`);
      if (me.suspended === true || me.active === false) throw new NotAdminError('The authorizing admin is suspended');
      return { ...me, id: me.id };
    },
    userPages(query = {}) {
      const params = new URLSearchParams({ 'page[size]': String(query.pageSize ?? 100) });
      for (const role of query.roles ?? []) params.append('role[]', role);
      return cursorPages(core, `/api/v2/users.json?${params.toString()}`, async (path) => {
        const page = parseJson(S.UsersPageSchema, await get(path));
        const after = page.meta.after_cursor ?? null;
        return { items: page.users, hasMore: page.meta.has_more, after, next: page.links?.next ?? null };
      });
    },
    auditLogPages: (query = {}) =>
      cursorPages(core, auditLogsPath(query), async (path) => {
        const page = parseJson(S.AuditLogsPageSchema, await get(path, true));
        const after = page.meta.after_cursor ?? null;
        return { items: page.audit_logs, hasMore: page.meta.has_more, after, next: page.links?.next ?? null };
      }),
    async *auditLogs(query = {}) {
      for await (const page of client.auditLogPages(query)) yield* page.items;
    },
    getAuditLog: async (id) =>
      parseJson(S.AuditLogOneSchema, await get(`/api/v2/audit_logs/${id}.json`, true)).audit_log,
    async *incrementalUsers(start, perPage = 1000) {
      const first = new URLSearchParams({ per_page: String(perPage) });
      if ('cursor' in start) first.set('cursor', start.cursor);
      else first.set('start_time', String(Math.floor(start.startTime)));
      let path: string | null = `/api/v2/incremental/users/cursor.json?${first.toString()}`;
      while (path) {
        const page: S.IncrementalUsersPage = parseJson(S.IncrementalUsersSchema, await get(path));
        yield page;
        path = !page.end_of_stream && page.after_url ? resolveLink(core, page.after_url) : null;
      }
    },
    async listTokens(query = {}) {
      const params = new URLSearchParams();
      if (query.all) params.set('all', 'true');
      if (query.clientId !== undefined) params.set('client_id', String(query.clientId));
      if (query.includeExpired) params.set('include_expired', 'true');
      const qs = params.toString();
      return parseJson(S.TokenListSchema, await get(`/api/v2/oauth/tokens.json${qs ? `?${qs}` : ''}`)).tokens;
    },
    getToken: async (id) => parseJson(S.TokenOneSchema, await get(`/api/v2/oauth/tokens/${id}.json`)).token,
    async revokeToken(id) {
      await sendApi(core, 'DELETE', `/api/v2/oauth/tokens/${id}.json`, auth);
    },
  };
  return client;
}

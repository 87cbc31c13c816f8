import type { FastifyInstance } from 'fastify';
import { decodeCursor, encodeCursor } from '../domain/cursor';
import { RoleSchema, type Role } from '../domain/user';
import { accountOf, guard, sendInvalidToken } from './guards';
import { carriedParams, pageMode } from './pagination';
import { type Query, first, values, zendeskUrl } from './query';
import { anonymousUserJson, userJson } from './serializers';
import { COULD_NOT_AUTHENTICATE, invalidPagination, sendJson } from './zendesk-errors';
import { withJson } from './json-paths';

const PAGING = ['page[size]', 'page[after]', 'page[before]', 'page', 'per_page'];

export function usersRoutes(app: FastifyInstance): void {
  for (const path of withJson('/api/v2/users/me')) {
    app.get(path, async (request, reply) => {
      const account = accountOf(request);
      const auth = request.zendesk?.auth;
      // Allowed for anonymous callers, and a wrong email and password is treated as one (§2): 200 with
      // a null id, which is why a 200 alone proves nothing. A wrong API token is refused.
      if (!auth || auth.kind === 'anonymous' || (auth.kind === 'basic' && !auth.apiToken)) {
        return sendJson(reply, 200, { user: anonymousUserJson() });
      }
      if (auth.kind === 'basic') return sendJson(reply, 401, COULD_NOT_AUTHENTICATE);
      if (auth.kind === 'invalid') return sendInvalidToken(reply, account);
      return sendJson(reply, 200, { user: { ...userJson(account.subdomain, auth.user), authenticity_token: 'sim' } });
    });
  }

  for (const path of withJson('/api/v2/users')) {
    app.get(path, async (request, reply) => {
      const caller = guard(request, reply, { scope: 'users', agentOrAdmin: true });
      if (!caller) return reply;
      const query = request.query as Query;
      const roles = values(query, 'role', 'role[]').filter((r): r is Role => RoleSchema.safeParse(r).success);
      const permission = first(query, 'permission_set');
      const filter = {
        ...(roles.length > 0 ? { roles } : {}),
        ...(permission ? { permissionSet: Number(permission) } : {}),
      };
      const mode = pageMode(query, reply);
      if (!mode) return reply;
      const sub = caller.account.subdomain;
      if (mode.kind === 'offset') {
        const all = caller.account.users.list(filter);
        const items = all.slice((mode.page - 1) * mode.perPage, mode.page * mode.perPage);
        const link = (page: number) =>
          zendeskUrl(sub, '/api/v2/users.json', {
            ...carriedParams(query, PAGING),
            page: String(page),
            per_page: String(mode.perPage),
          });
        return sendJson(reply, 200, {
          users: items.map((u) => userJson(sub, u)),
          next_page: mode.page * mode.perPage < all.length ? link(mode.page + 1) : null,
          previous_page: mode.page > 1 ? link(mode.page - 1) : null,
          count: all.length,
        });
      }
      const after = mode.after === undefined ? undefined : decodeCursor(mode.after);
      if (after === null) return sendJson(reply, 400, invalidPagination('page[after] is not a valid cursor'));
      const before = mode.before === undefined ? undefined : decodeCursor(mode.before);
      if (before === null) return sendJson(reply, 400, invalidPagination('page[before] is not a valid cursor'));
      // As on audit logs, page[before] wins over page[after]; has_more then counts towards the start.
      const page = before
        ? caller.account.users.listBefore(filter, before.id, mode.size)
        : caller.account.users.listAfter(filter, after?.id, mode.size);
      const last = page.items.at(-1);
      const firstItem = page.items[0];
      const afterCursor = last ? encodeCursor({ t: last.id, id: last.id }) : null;
      const beforeCursor = firstItem ? encodeCursor({ t: firstItem.id, id: firstItem.id }) : null;
      const link = (key: string, cursor: string | null) =>
        cursor
          ? zendeskUrl(sub, '/api/v2/users.json', {
              ...carriedParams(query, PAGING),
              [key]: cursor,
              'page[size]': String(mode.size),
            })
          : null;
      return sendJson(reply, 200, {
        users: page.items.map((u) => userJson(sub, u)),
        meta: { has_more: page.hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
        links: {
          // A page before a cursor always has that cursor's record after it.
          next: before || page.hasMore ? link('page[after]', afterCursor) : null,
          prev: link('page[before]', beforeCursor),
        },
      });
    });
  }
}

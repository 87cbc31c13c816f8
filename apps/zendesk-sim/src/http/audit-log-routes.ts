import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeCursor, encodeCursor } from '../domain/cursor';
import { planHasAuditLogs } from '../domain/plans';
import { parseAuditFilter } from './audit-query';
import { guard } from './guards';
import { carriedParams, pageMode } from './pagination';
import { type Query, first, zendeskUrl } from './query';
import { auditJson, auditPageBytes } from './serializers';
import { FORBIDDEN_ROLE, INVALID_ENDPOINT, RECORD_NOT_FOUND, invalidPagination, sendJson } from './zendesk-errors';
import { stripJson, withJson } from './json-paths';

const PAGING = ['page[size]', 'page[after]', 'page[before]', 'page', 'per_page'];

/** Plan gating first, as a feature that is off for the account; then scope and admin role. */
function auditCaller(request: FastifyRequest, reply: FastifyReply) {
  const context = request.zendesk;
  if (context?.auth.kind === 'token' && !planHasAuditLogs(context.account.settings.plan)) {
    const notFound = context.account.settings.auditLogsUnavailable === 'not_found';
    sendJson(reply, notFound ? 404 : 403, notFound ? INVALID_ENDPOINT : FORBIDDEN_ROLE);
    return null;
  }
  return guard(request, reply, { scope: 'auditlogs', adminOnly: true });
}

export function auditLogRoutes(app: FastifyInstance, now: () => number): void {
  for (const path of withJson('/api/v2/audit_logs')) {
    app.get(path, async (request, reply) => {
      const caller = auditCaller(request, reply);
      if (!caller) return reply;
      const query = request.query as Query;
      const parsed = parseAuditFilter(query);
      if (!parsed.ok) return sendJson(reply, 400, { error: 'InvalidValue', description: parsed.description });
      const mode = pageMode(query, reply);
      if (!mode) return reply;
      const { account } = caller;
      const sub = account.subdomain;
      if (mode.kind === 'offset') {
        const order = first(query, 'sort_order') === 'asc' ? 'asc' : 'desc';
        const offset = (mode.page - 1) * mode.perPage;
        const page = account.audit.offsetPage(parsed.filter, order, offset, mode.perPage, now());
        const link = (n: number) =>
          zendeskUrl(sub, '/api/v2/audit_logs.json', {
            ...carriedParams(query, PAGING),
            page: String(n),
            per_page: String(mode.perPage),
          });
        return sendJson(reply, 200, {
          audit_logs: page.items.map((e) => auditJson(sub, e)),
          next_page: offset + mode.perPage < page.count ? link(mode.page + 1) : null,
          previous_page: mode.page > 1 ? link(mode.page - 1) : null,
          count: page.count,
        });
      }
      const sort = first(query, 'sort') ?? '-created_at';
      if (sort !== 'created_at' && sort !== '-created_at') {
        return sendJson(reply, 400, invalidPagination('sort must be created_at or -created_at'));
      }
      const after = mode.after === undefined ? undefined : decodeCursor(mode.after);
      const before = mode.before === undefined ? undefined : decodeCursor(mode.before);
      if (after === null || before === null) return sendJson(reply, 400, invalidPagination('invalid cursor'));
      const page = account.audit.page(
        parsed.filter,
        {
          order: sort === 'created_at' ? 'asc' : 'desc',
          size: mode.size,
          ...(after ? { after } : {}),
          ...(before ? { before } : {}),
        },
        now(),
      );
      const head = page.items[0];
      const tail = page.items.at(-1);
      const afterCursor = tail ? encodeCursor({ t: tail.createdAt, id: tail.id }) : null;
      const beforeCursor = head ? encodeCursor({ t: head.createdAt, id: head.id }) : null;
      const link = (key: string, cursor: string | null) =>
        cursor === null
          ? null
          : zendeskUrl(sub, '/api/v2/audit_logs.json', {
              ...carriedParams(query, PAGING),
              sort,
              'page[size]': String(mode.size),
              [key]: cursor,
            });
      const forwardMore = before ? true : page.hasMore;
      const rest = {
        meta: { has_more: page.hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
        links: {
          next: forwardMore ? link('page[after]', afterCursor) : null,
          prev: link('page[before]', beforeCursor),
        },
      };
      return reply
        .code(200)
        .type('application/json; charset=utf-8')
        .send(auditPageBytes(sub, page.items, rest));
    });
  }

  app.get('/api/v2/audit_logs/:id', async (request, reply) => {
    const caller = auditCaller(request, reply);
    if (!caller) return reply;
    const raw = stripJson((request.params as { id: string }).id);
    const entry = /^\d+$/.test(raw) ? caller.account.audit.get(Number(raw), now()) : undefined;
    if (!entry) return sendJson(reply, 404, RECORD_NOT_FOUND);
    return sendJson(reply, 200, { audit_log: auditJson(caller.account.subdomain, entry) });
  });
}

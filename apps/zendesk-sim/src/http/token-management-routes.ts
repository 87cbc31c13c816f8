import type { FastifyInstance } from 'fastify';
import type { OAuthToken } from '../domain/oauth-model';
import { type Caller, guard } from './guards';
import { type Query, first } from './query';
import { tokenJson } from './serializers';
import { RECORD_NOT_FOUND, sendJson } from './zendesk-errors';
import { stripJson, withJson } from './json-paths';

/** Admins may see every token; everyone else only their own (reference §1.7). */
function visible(caller: Caller, token: OAuthToken): boolean {
  return caller.user.role === 'admin' || token.userId === caller.user.id;
}

function lookup(caller: Caller, rawId: string): OAuthToken | undefined {
  const id = stripJson(rawId);
  if (id === 'current') return caller.token;
  const token = /^\d+$/.test(id) ? caller.account.tokens.get(Number(id)) : undefined;
  return token && visible(caller, token) ? token : undefined;
}

export function tokenManagementRoutes(app: FastifyInstance, now: () => number): void {
  for (const path of withJson('/api/v2/oauth/tokens')) {
    app.get(path, async (request, reply) => {
      const caller = guard(request, reply, {});
      if (!caller) return reply;
      const query = request.query as Query;
      const all = first(query, 'all') === 'true' && caller.user.role === 'admin';
      const clientId = first(query, 'client_id');
      const includeExpired = first(query, 'include_expired') === 'true';
      const t = now();
      const tokens = caller.account.tokens
        .list()
        .filter((token) => (all ? true : token.userId === caller.user.id))
        .filter((token) => clientId === undefined || String(token.clientId) === clientId)
        .filter((token) => includeExpired || token.expiresAt === null || token.expiresAt > t);
      return sendJson(reply, 200, {
        tokens: tokens.map((token) => tokenJson(caller.account.subdomain, token, true)),
        next_page: null,
        previous_page: null,
        count: tokens.length,
      });
    });
  }

  app.get('/api/v2/oauth/tokens/:id', async (request, reply) => {
    const caller = guard(request, reply, {});
    if (!caller) return reply;
    const token = lookup(caller, (request.params as { id: string }).id);
    if (!token) return sendJson(reply, 404, RECORD_NOT_FOUND);
    return sendJson(reply, 200, { token: tokenJson(caller.account.subdomain, token, true) });
  });

  app.delete('/api/v2/oauth/tokens/:id', async (request, reply) => {
    const caller = guard(request, reply, {});
    if (!caller) return reply;
    const raw = stripJson((request.params as { id: string }).id);
    const token = lookup(caller, raw);
    if (!token) return sendJson(reply, 404, RECORD_NOT_FOUND);
    // The reported quirk: DELETE current answers 204 yet leaves the token alive.
    if (!(raw === 'current' && caller.account.settings.deleteCurrentTokenIsNoop))
      caller.account.tokens.revoke(token.id);
    return reply.code(204).send();
  });
}

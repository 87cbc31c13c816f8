import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Account } from '../domain/account';
import { CODE_TTL_MS, scopesAllowed } from '../domain/oauth-model';
import { consentPage, invalidAuthorizationPage } from './consent-page';
import { accountOf } from './guards';
import { type Query, first } from './query';
import type { SimState } from '../application/sim-state';

interface AuthorizeRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: string[];
  readonly state: string | undefined;
  readonly codeChallenge: string | undefined;
  readonly user: string | undefined;
}

function redirectWith(reply: FastifyReply, base: string, params: Record<string, string | undefined>): FastifyReply {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return reply.redirect(url.toString(), 302);
}

function badRequest(reply: FastifyReply, reason: string): FastifyReply {
  return reply.code(400).type('text/html; charset=utf-8').send(invalidAuthorizationPage(reason));
}

/** `sim_user` (id or email) picks who is "logged in"; else the account setting; else the owner. */
function loggedInUser(account: Account, requested: string | undefined) {
  if (requested)
    return /^\d+$/.test(requested) ? account.users.get(Number(requested)) : account.users.findByEmail(requested);
  const id = account.settings.loggedInUserId ?? account.owner();
  return id === undefined ? undefined : account.users.get(id);
}

function finish(state: SimState, account: Account, reply: FastifyReply, req: AuthorizeRequest, allow: boolean) {
  if (!allow) {
    return redirectWith(reply, req.redirectUri, {
      error: 'access_denied',
      error_description: 'The resource owner or authorization server denied the request.',
      state: req.state,
    });
  }
  const client = account.clients.get(req.clientId);
  const user = loggedInUser(account, req.user);
  if (!client || !user) return badRequest(reply, 'No such client or user');
  const code = state.randomToken();
  account.codes.set(code, {
    code,
    clientId: client.id,
    userId: user.id,
    redirectUri: req.redirectUri,
    scopes: req.scopes,
    codeChallenge: req.codeChallenge ?? null,
    expiresAt: state.clock.now() + CODE_TTL_MS,
  });
  return redirectWith(reply, req.redirectUri, { code, state: req.state });
}

/** Validates what can be validated before a redirect is safe (client and redirect_uri). */
function parseAuthorize(account: Account, query: Query, reply: FastifyReply): AuthorizeRequest | null {
  const clientId = first(query, 'client_id');
  const client = clientId ? account.clients.get(clientId) : undefined;
  if (!clientId || !client) return (badRequest(reply, 'No such client'), null);
  const redirectUri = first(query, 'redirect_uri');
  if (!redirectUri || !client.redirectUris.includes(redirectUri)) {
    return (badRequest(reply, 'The redirect_uri does not match a registered redirect URL'), null);
  }
  const req = {
    clientId,
    redirectUri,
    scopes: (first(query, 'scope') ?? '').split(/[\s+]+/).filter(Boolean),
    state: first(query, 'state'),
    codeChallenge: first(query, 'code_challenge'),
    user: first(query, 'sim_user'),
  };
  const error = (code: string, description: string) => (
    redirectWith(reply, redirectUri, { error: code, error_description: description, state: req.state }),
    null
  );
  if (first(query, 'response_type') !== 'code') return error('unsupported_response_type', 'response_type must be code');
  if (req.scopes.length === 0) return error('invalid_scope', 'The requested scope is invalid, unknown, or malformed.');
  if (!scopesAllowed(client, req.scopes)) {
    return error('invalid_scope', 'The requested scope is invalid, unknown, or malformed.');
  }
  const method = first(query, 'code_challenge_method');
  if (req.codeChallenge !== undefined && method !== 'S256') return error('invalid_request', 'Only S256 is supported');
  if (client.kind === 'public' && req.codeChallenge === undefined) {
    return error('invalid_request', 'code_challenge is required for public clients');
  }
  return req;
}

export function oauthAuthorizeRoutes(app: FastifyInstance, state: SimState): void {
  app.get('/oauth/authorizations/new', async (request, reply) => {
    const account = accountOf(request);
    const query = request.query as Query;
    const req = parseAuthorize(account, query, reply);
    if (!req) return reply;
    const auto = account.settings.oauthAutoApprove;
    if (auto) return finish(state, account, reply, req, auto === 'allow');
    const client = account.clients.get(req.clientId);
    const user = loggedInUser(account, req.user);
    if (!client || !user) return badRequest(reply, 'No signed-in user for this account');
    const hidden: Record<string, string> = {};
    for (const [key, value] of Object.entries(query)) if (typeof value === 'string') hidden[key] = value;
    const html = consentPage({
      accountName: account.settings.name ?? account.subdomain,
      clientName: client.name,
      userName: `${user.name} (${user.role})`,
      scopes: req.scopes,
      hidden,
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post('/oauth/authorizations', async (request, reply) => {
    const account = accountOf(request);
    const form = (request.body ?? {}) as Query;
    const req = parseAuthorize(account, form, reply);
    if (!req) return reply;
    return finish(state, account, reply, req, first(form, 'decision') === 'allow');
  });
}

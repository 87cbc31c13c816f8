import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../domain/account';
import type { OAuthToken } from '../domain/oauth-model';
import type { SimUser } from '../domain/user';
import { COULD_NOT_AUTHENTICATE, FORBIDDEN_ROLE, INVALID_TOKEN, missingScopes, sendJson } from './zendesk-errors';

export interface Caller {
  readonly account: Account;
  readonly token: OAuthToken;
  readonly user: SimUser;
}

export interface GuardOptions {
  /** Resource scope that, like the broad `read`, grants this endpoint. */
  readonly scope?: 'users' | 'auditlogs';
  readonly adminOnly?: boolean;
  readonly agentOrAdmin?: boolean;
}

export function accountOf(request: FastifyRequest): Account {
  if (!request.zendesk) throw new Error('Zendesk route reached without an account context');
  return request.zendesk.account;
}

/** 401 for a bad bearer, wherever it is presented, with the header the account's setting asks for. */
export function sendInvalidToken(reply: FastifyReply, account: Account): FastifyReply {
  if (account.settings.invalidTokenWwwAuthenticate) {
    reply.header('www-authenticate', 'Bearer realm="Zendesk", error="invalid_token"');
  }
  return sendJson(reply, 401, INVALID_TOKEN);
}

/** Sends Zendesk's response for a refused caller and returns null, or returns the caller. */
export function guard(request: FastifyRequest, reply: FastifyReply, options: GuardOptions): Caller | null {
  const context = request.zendesk;
  if (!context) throw new Error('Zendesk route reached without an account context');
  const { auth, account } = context;
  if (auth.kind === 'anonymous' || auth.kind === 'basic') {
    sendJson(reply, 401, COULD_NOT_AUTHENTICATE);
    return null;
  }
  if (auth.kind === 'invalid') {
    sendInvalidToken(reply, account);
    return null;
  }
  const { token, user } = auth;
  if (options.scope && !token.scopes.includes('read') && !token.scopes.includes(`${options.scope}:read`)) {
    sendJson(reply, 403, missingScopes([`${options.scope}:read`]));
    return null;
  }
  const allowed = options.adminOnly ? user.role === 'admin' : options.agentOrAdmin ? user.role !== 'end-user' : true;
  if (user.suspended || !allowed) {
    sendJson(reply, 403, FORBIDDEN_ROLE);
    return null;
  }
  return { account, token, user };
}

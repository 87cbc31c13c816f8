import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import session from '@fastify/session';
import { ForbiddenError } from '@zc/errors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Abilities } from '../domain/scopes';
import { bouncePage } from '../pages/bounce';

declare module 'fastify' {
  interface Session {
    /** The admin key, kept only here on the server; the browser holds the session id cookie. */
    apiKey?: string;
    abilities?: Abilities;
    signedInAt?: number;
  }
}

export interface SessionOptions {
  secret: string;
  idleTtlMs: number;
  maxAgeMs: number;
  secure: boolean;
}

export const SESSION_COOKIE = 'zc_console_session';

/**
 * Server-side sessions in this process's memory (@fastify/session's store): the cookie carries a signed
 * random id only. CSRF secrets live in the same session, so every form post needs the page's token.
 */
export async function registerSessions(app: FastifyInstance, options: SessionOptions): Promise<void> {
  await app.register(cookie);
  await app.register(session, {
    secret: options.secret,
    cookieName: SESSION_COOKIE,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'strict', secure: options.secure, path: '/', maxAge: options.idleTtlMs },
  });
  await app.register(csrf, { sessionPlugin: '@fastify/session' });
}

export interface SignedIn {
  apiKey: string;
  abilities: Abilities;
}

/** The signed-in admin, or null; a session past its absolute lifetime counts as signed out. */
export function signedIn(request: FastifyRequest, maxAgeMs: number, now: number): SignedIn | null {
  const { apiKey, abilities, signedInAt } = request.session;
  if (apiKey === undefined || abilities === undefined || signedInAt === undefined) return null;
  if (now - signedInAt > maxAgeMs) return null;
  return { apiKey, abilities };
}

/** Pages call this before any write: the console refuses, whatever the browser shows or sends. */
export function assertCanWrite(user: SignedIn): void {
  if (!user.abilities.writeConnectors) {
    throw new ForbiddenError('This API key is read-only: it may not change connectors.', { code: 'READ_ONLY_KEY' });
  }
}

/**
 * A SameSite=Strict cookie is not sent on a navigation another site started (Zendesk's consent page
 * redirecting back through the auth service). Such a request gets one same-origin hop, on which the
 * browser sends the cookie; without a session even then, it is sent to sign in.
 */
function bounce(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(200)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(bouncePage(request.url));
}

/** Where to send someone who is not signed in: the page they wanted, back after signing in. */
export function toSignIn(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (request.headers['x-live'] === '1') return reply.code(401).send();
  if (request.method === 'GET' && request.headers['sec-fetch-site'] === 'cross-site') return bounce(request, reply);
  const next = request.method === 'GET' ? request.url : '/connectors';
  return reply.redirect(`/sign-in?${new URLSearchParams({ next }).toString()}`, 303);
}

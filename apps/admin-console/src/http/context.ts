import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceApi } from '../api/service-api';
import type { PageContext } from '../pages/layout';
import type { SignedIn } from './session';

declare module 'fastify' {
  interface FastifyRequest {
    consoleUser: SignedIn | null;
  }
}

export interface PageTools {
  /** The services as the signed-in admin (their key from the session). */
  api: ServiceApi;
  user: SignedIn;
  page: (section: PageContext['section']) => PageContext;
}

export type ToolsOf = (request: FastifyRequest, reply: FastifyReply) => PageTools;

export function toolsFactory(apiFor: (key: string) => ServiceApi, pollIntervalMs: number): ToolsOf {
  return (request, reply) => {
    const user = request.consoleUser;
    // The scope's preHandler redirects anyone not signed in before a handler runs.
    if (user === null) throw new Error('page tools used outside the signed-in scope');
    return {
      api: apiFor(user.apiKey),
      user,
      page: (section) => ({ csrfToken: reply.generateCsrf(), abilities: user.abilities, section, pollIntervalMs }),
    };
  };
}

/** HTML pages carry CSRF tokens and tenant data: never cached, never framed. */
export const sendPage = (reply: FastifyReply, body: string, status = 200): FastifyReply =>
  reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);

/** Only same-site paths are followed after sign-in, so `next` cannot send an admin elsewhere. */
export const safeNext = (next: unknown): string =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/connectors';

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServiceApi } from '../api/service-api';
import { abilitiesFrom } from '../domain/scopes';
import { signInPage } from '../pages/sign-in';
import { safeNext, sendPage } from './context';

const SignInBody = z.object({ apiKey: z.string().trim().min(1).max(500), next: z.string().max(2000).optional() });

const REFUSED = {
  INVALID_KEY: 'That key is not valid (unknown, revoked or mistyped).',
  NO_READ_SCOPE: 'That key may not read connectors or activities, so there is nothing the console can show it.',
} as const;

export function signInRoutes(
  app: FastifyInstance,
  apiFor: (key: string) => ServiceApi,
  pollIntervalMs: number,
  now: () => Date,
) {
  const context = (token: string) => ({
    csrfToken: token,
    abilities: null,
    section: 'sign-in' as const,
    pollIntervalMs,
  });

  app.get('/sign-in', async (request, reply) => {
    const next = safeNext((request.query as { next?: unknown }).next);
    return sendPage(reply, signInPage(context(reply.generateCsrf()), null, next));
  });

  app.post(
    '/sign-in',
    { preHandler: (request, reply, done) => app.csrfProtection(request, reply, done) },
    async (request, reply) => {
      const parsed = SignInBody.safeParse(request.body);
      const next = safeNext(parsed.success ? parsed.data.next : undefined);
      if (!parsed.success)
        return sendPage(reply, signInPage(context(reply.generateCsrf()), 'Enter an API key.', next), 400);
      const verdict = abilitiesFrom(await apiFor(parsed.data.apiKey).probe());
      if (!verdict.ok) {
        request.log.info({ reason: verdict.reason }, 'console sign-in refused');
        return sendPage(reply, signInPage(context(reply.generateCsrf()), REFUSED[verdict.reason], next), 401);
      }
      // A new session id at sign-in, so an id planted before it (session fixation) is worth nothing.
      await request.session.regenerate();
      request.session.apiKey = parsed.data.apiKey;
      request.session.abilities = verdict.abilities;
      request.session.signedInAt = now().getTime();
      request.log.info({ abilities: verdict.abilities }, 'console sign-in');
      return reply.redirect(next, 303);
    },
  );

  app.post(
    '/sign-out',
    { preHandler: (request, reply, done) => app.csrfProtection(request, reply, done) },
    async (request, reply) => {
      await request.session.destroy();
      return reply.redirect('/sign-in', 303);
    },
  );
}

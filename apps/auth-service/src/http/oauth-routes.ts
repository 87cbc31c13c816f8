import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuthDeps } from '../application/deps';
import { handleOAuthCallback } from '../application/oauth-callback';
import { OAUTH_CALLBACK_PATH } from '../domain/connector-view';
import { resultPage } from './result-page';
import { CallbackQuery } from './schemas';

/** The public OAuth redirect target: HTML for the person in the browser, JSON when asked for it. */
export function oauthRoutes(deps: AuthDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      OAUTH_CALLBACK_PATH,
      { schema: { tags: ['oauth'], querystring: CallbackQuery } },
      async (request, reply) => {
        const outcome = await handleOAuthCallback(deps, request.query, request.id);
        const status = outcome.ok ? 200 : 400;
        void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
        if (request.headers.accept?.includes('application/json') === true) return reply.code(status).send(outcome);
        // A person who started in the admin console goes back to the connector there, with the outcome's code.
        if (deps.consoleUrl !== undefined && outcome.connectorId !== null) {
          const code = outcome.ok ? 'CONNECTED' : outcome.reason;
          const target = new URL(`/connectors/${outcome.connectorId}?outcome=${code}`, deps.consoleUrl);
          return reply.redirect(target.toString(), 303);
        }
        return reply.code(status).type('text/html; charset=utf-8').send(resultPage(outcome));
      },
    );
    return Promise.resolve();
  };
}

import { ForbiddenError, UnauthorizedError } from '@zc/errors';
import type { FastifyRequest, onRequestHookHandler, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { API_KEY_SECURITY } from './openapi-operations';

export interface Principal {
  keyId: string;
  scopes: readonly string[];
}

/** Looks the presented key up (by id) and checks its secret; null when unknown, revoked or wrong. */
export type VerifyApiKey = (presentedKey: string) => Promise<Principal | null>;

export interface ApiKeyAuthOptions {
  verify: VerifyApiKey;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

const presentedKeyOf = (request: FastifyRequest): string | undefined => {
  const bearer = BEARER.exec(request.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) return bearer;
  const header = request.headers['x-api-key'];
  return typeof header === 'string' && header.length > 0 ? header : undefined;
};

const rejectAnonymous: onRequestHookHandler = (request, _reply, done) => {
  done(
    request.principal === null
      ? new UnauthorizedError('A valid API key is required (Authorization: Bearer <key> or x-api-key).')
      : undefined,
  );
};

/**
 * Authenticates every route of the context it is registered in (it is fastify-plugin wrapped, so
 * its hooks land in that context, not a child): register it first in a protected context.
 *
 * Identification and rejection are split on purpose. Identifying runs as a context onRequest
 * hook, before the rate limiter's route-level hook, so limits are keyed by key id. Rejecting is
 * appended to each route's onRequest after the rate limiter, so key guessing is throttled too,
 * and it runs before body parsing, so anonymous callers learn nothing from validation errors.
 */
export const apiKeyAuth = (options: ApiKeyAuthOptions) =>
  fp((app, _options, done) => {
    app.addHook('onRequest', async (request) => {
      const presented = presentedKeyOf(request);
      request.principal = presented === undefined ? null : await options.verify(presented);
    });
    app.addHook('onRoute', (route) => {
      const existing = route.onRequest;
      route.onRequest = [...(existing === undefined ? [] : [existing].flat()), rejectAnonymous];
      // The OpenAPI document says so too, without every protected route repeating it.
      route.schema = { ...route.schema, security: route.schema?.security ?? API_KEY_SECURITY };
    });
    done();
  });

/** preHandler that needs every listed scope; 401 if unauthenticated, 403 FORBIDDEN_SCOPE otherwise. */
export const requireScopes =
  (...scopes: readonly string[]): preHandlerHookHandler =>
  (request, _reply, done) => {
    const principal = request.principal;
    if (principal === null) return done(new UnauthorizedError());
    const missing = scopes.filter((scope) => !principal.scopes.includes(scope));
    if (missing.length === 0) return done();
    done(new ForbiddenError(`This API key lacks the scope(s): ${missing.join(', ')}.`, { code: 'FORBIDDEN_SCOPE' }));
  };

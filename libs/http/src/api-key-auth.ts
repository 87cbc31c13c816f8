import { createHash, timingSafeEqual } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { ForbiddenError, RateLimitedError, UnauthorizedError } from '@zc/errors';
import type { FastifyRequest, onRequestHookHandler, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { FailedAttempts, type FailureLimit } from './failed-attempts';
import { API_KEY_SECURITY } from './openapi-operations';

export interface Principal {
  keyId: string;
  scopes: readonly string[];
}

/** Looks the presented key up (by id) and checks its secret; null when unknown, revoked or wrong. */
export type VerifyApiKey = (presentedKey: string) => Promise<Principal | null>;

export interface ApiKeyAuthOptions {
  verify: VerifyApiKey;
  /**
   * Failed verifications allowed per client address and per key id before further attempts are
   * refused with 429 without any lookup; `false` turns the guard off (tests of verification itself).
   */
  failures?: { perClient: FailureLimit; perKeyId: FailureLimit } | false;
  /** The public id inside a presented key; defaults to the `zck_<hex id>_` prefix of @zc/api-keys keys. */
  keyIdOf?: (presented: string) => string | null;
  /**
   * How long a refused attempt is held before its 429 goes out (at most until the refusal ends).
   * A client that keeps guessing on a few keep-alive connections then sends a few requests a
   * second instead of thousands, which would otherwise crowd the event loop legitimate calls need.
   */
  refusalDelayMs?: number;
  now?: () => number;
}

export const DEFAULT_FAILURE_LIMITS = {
  perClient: { max: 20, windowMs: 60_000 },
  perKeyId: { max: 10, windowMs: 60_000 },
} as const;

const KEY_ID = /^zck_([0-9a-f]{8,32})_/;
const defaultKeyIdOf = (presented: string): string | null => KEY_ID.exec(presented)?.[1] ?? null;

/** Keys that passed here recently, by id, as digests: they still get in while their id is under attack. */
const MAX_REMEMBERED = 10_000;
const digestOf = (presented: string): Buffer => createHash('sha256').update(presented).digest();

/** Beyond this many held refusals, answer at once: holding is a courtesy to the event loop, not a queue. */
const MAX_HELD_REFUSALS = 1_000;

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
    const limits = options.failures === undefined ? DEFAULT_FAILURE_LIMITS : options.failures;
    const now = options.now ?? Date.now;
    const byClient = limits === false ? null : new FailedAttempts(limits.perClient, now);
    const byKeyId = limits === false ? null : new FailedAttempts(limits.perKeyId, now);
    const keyIdOf = options.keyIdOf ?? defaultKeyIdOf;
    const remembered = new Map<string, Buffer>();
    const refusalDelayMs = options.refusalDelayMs ?? 1_000;
    let held = 0;

    const refuse = (retryAfterMs: number, what: string): RateLimitedError =>
      new RateLimitedError(
        `Too many failed API key attempts ${what}; retry in ${String(Math.ceil(retryAfterMs / 1_000))} s.`,
        {
          code: 'API_KEY_ATTEMPTS_EXCEEDED',
          retryAfterSeconds: Math.ceil(retryAfterMs / 1_000),
        },
      );

    const refuseLater = async (retryAfterMs: number, what: string): Promise<never> => {
      const wait = Math.min(refusalDelayMs, retryAfterMs);
      if (wait > 0 && held < MAX_HELD_REFUSALS) {
        held += 1;
        try {
          await delay(wait);
        } finally {
          held -= 1;
        }
      }
      throw refuse(Math.max(1, retryAfterMs - wait), what);
    };

    const rememberedMatch = (keyId: string, presented: string): boolean => {
      const known = remembered.get(keyId);
      return known !== undefined && timingSafeEqual(known, digestOf(presented));
    };

    app.addHook('onRequest', async (request) => {
      const presented = presentedKeyOf(request);
      if (presented === undefined) {
        request.principal = null;
        return;
      }
      const client = `ip:${request.ip}`;
      const keyId = keyIdOf(presented);
      // Both checks come before verify: a refused attempt costs a map lookup, never a database read.
      const clientWait = byClient?.retryAfterMs(client) ?? 0;
      if (clientWait > 0) return refuseLater(clientWait, 'from this client');
      const keyWait = keyId === null ? 0 : (byKeyId?.retryAfterMs(keyId) ?? 0);
      // A flood of wrong secrets for a public key id must not lock its holder out: the secret this
      // process last saw succeed for that id still gets through (and is then verified as usual).
      if (keyWait > 0 && keyId !== null && !rememberedMatch(keyId, presented))
        return refuseLater(keyWait, 'for this key');
      const principal = await options.verify(presented);
      request.principal = principal;
      if (principal === null) {
        byClient?.recordFailure(client);
        if (keyId !== null) byKeyId?.recordFailure(keyId);
      } else if (byKeyId !== null) {
        if (remembered.size >= MAX_REMEMBERED) remembered.clear();
        remembered.set(principal.keyId, digestOf(presented));
      }
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

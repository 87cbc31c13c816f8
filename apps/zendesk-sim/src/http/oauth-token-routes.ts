import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Account } from '../domain/account';
import { type OAuthClient, scopesAllowed } from '../domain/oauth-model';
import { issueToken, validateTtls } from '../domain/oauth-issue';
import { accountOf } from './guards';
import { sendOAuthError } from './oauth-errors';
import { safeEqual, verifyPkce } from './pkce';
import { sendJson } from './zendesk-errors';
import type { SimState } from '../application/sim-state';

const seconds = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional();
const TokenRequestSchema = z.object({
  grant_type: z.string().optional(),
  code: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  redirect_uri: z.string().optional(),
  scope: z.string().optional(),
  code_verifier: z.string().optional(),
  refresh_token: z.string().optional(),
  expires_in: seconds,
  refresh_token_expires_in: seconds,
});
type TokenRequest = z.infer<typeof TokenRequestSchema>;

/** Client credentials in the body or, as OAuth also allows, HTTP Basic. */
function clientCredentials(
  body: TokenRequest,
  authorization: string | undefined,
): [string | undefined, string | undefined] {
  const basic = authorization && /^Basic\s+(\S+)$/i.exec(authorization)?.[1];
  if (basic) {
    const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    return [id, secret];
  }
  return [body.client_id, body.client_secret];
}

function authenticate(account: Account, id: string | undefined, secret: string | undefined): OAuthClient | null {
  const client = id ? account.clients.get(id) : undefined;
  if (!client) return null;
  if (client.kind === 'public') return secret === undefined || safeEqual(secret, client.secret) ? client : null;
  return secret !== undefined && safeEqual(secret, client.secret) ? client : null;
}

export function oauthTokenRoute(app: FastifyInstance, state: SimState): void {
  app.post('/oauth/tokens', async (request, reply): Promise<FastifyReply> => {
    const account = accountOf(request);
    const parsed = TokenRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) return sendOAuthError(reply, 'invalid_request');
    const body = parsed.data;
    const [id, secret] = clientCredentials(body, request.headers.authorization);
    const client = authenticate(account, id, secret);
    if (!client) return sendOAuthError(reply, 'invalid_client');
    const ttlError = validateTtls(body.expires_in, body.refresh_token_expires_in);
    if (ttlError) return sendOAuthError(reply, 'invalid_request', ttlError);
    const deps = { nowMs: state.clock.now(), nextId: state.nextId, randomToken: state.randomToken };
    const requested = body.scope ? body.scope.split(/\s+/).filter(Boolean) : undefined;
    const ttls = {
      ...(body.expires_in !== undefined ? { expiresIn: body.expires_in } : {}),
      ...(body.refresh_token_expires_in !== undefined ? { refreshExpiresIn: body.refresh_token_expires_in } : {}),
    };

    switch (body.grant_type) {
      case 'authorization_code': {
        const code = body.code ? account.codes.get(body.code) : undefined;
        // Single use: a code is spent by any attempt to redeem it, successful or not.
        if (body.code) account.codes.delete(body.code);
        if (!code || code.clientId !== client.id || code.expiresAt <= deps.nowMs) {
          return sendOAuthError(reply, 'invalid_grant');
        }
        if (body.redirect_uri !== code.redirectUri) return sendOAuthError(reply, 'invalid_grant');
        if (code.codeChallenge !== null) {
          if (!body.code_verifier || !verifyPkce(code.codeChallenge, body.code_verifier)) {
            return sendOAuthError(reply, 'invalid_grant');
          }
        } else if (client.kind === 'public') {
          return sendOAuthError(reply, 'invalid_request', 'code_verifier is required for public clients');
        }
        // The code's own scopes passed this check at authorize; a scope repeated here must pass it too.
        if (requested && !scopesAllowed(client, requested)) return sendOAuthError(reply, 'invalid_scope');
        const grant = issueToken(
          account,
          { client, userId: code.userId, scopes: code.scopes, refreshable: true, ...ttls },
          deps,
        );
        return sendJson(reply, 201, grant);
      }
      case 'refresh_token': {
        const old = body.refresh_token ? account.tokens.byRefreshToken(body.refresh_token) : undefined;
        if (!old || old.clientId !== client.id || (old.refreshExpiresAt ?? 0) <= deps.nowMs) {
          return sendOAuthError(reply, 'invalid_grant');
        }
        const scopes = requested ?? old.scopes;
        if (scopes.some((s) => !old.scopes.includes(s))) return sendOAuthError(reply, 'invalid_scope');
        // Rotation: the old access and refresh tokens die with this exchange (reference §1.3).
        account.tokens.revoke(old.id);
        const grant = issueToken(
          account,
          { client, userId: old.userId, scopes, refreshable: true, expiresIn: body.expires_in ?? 1800, ...ttls },
          deps,
        );
        return sendJson(reply, 201, grant);
      }
      case 'client_credentials': {
        if (client.kind !== 'confidential') return sendOAuthError(reply, 'unauthorized_client');
        const scopes = requested ?? ['read'];
        if (!scopesAllowed(client, scopes)) return sendOAuthError(reply, 'invalid_scope');
        const grant = issueToken(account, { client, userId: client.userId, scopes, refreshable: false, ...ttls }, deps);
        return sendJson(reply, 201, grant);
      }
      case undefined:
        return sendOAuthError(reply, 'invalid_request');
      default:
        return sendOAuthError(reply, 'unsupported_grant_type');
    }
  });
}

import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type CoreOptions, createCore } from './core';
import { MalformedResponseError, OAuthError, TransientError } from './errors';
import { summariseErrorBody } from './error-mapping';
import { parseJson, sendRaw } from './request';
import { type TokenGrant, TokenGrantSchema } from './schemas';

export interface ZendeskOAuthOptions extends CoreOptions {
  readonly clientId: string;
  readonly clientSecret?: string;
}

export interface AuthorizeUrlParams {
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string;
  readonly codeChallenge?: string;
}

export interface TokenTtls {
  readonly expiresIn?: number;
  readonly refreshTokenExpiresIn?: number;
}

export interface ZendeskOAuth {
  authorizeUrl(params: AuthorizeUrlParams): string;
  exchangeCode(
    params: { code: string; redirectUri: string; codeVerifier?: string; scopes?: readonly string[] } & TokenTtls,
  ): Promise<TokenGrant>;
  refresh(params: { refreshToken: string; scopes?: readonly string[] } & TokenTtls): Promise<TokenGrant>;
}

const OAuthErrorBody = z.object({ error: z.string(), error_description: z.string().optional() });

export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function createZendeskOAuth(options: ZendeskOAuthOptions): ZendeskOAuth {
  const core = createCore(options);

  async function grant(body: Record<string, string | number | undefined>): Promise<TokenGrant> {
    const payload = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    const raw = await sendRaw(
      core,
      'POST',
      '/oauth/tokens',
      { 'content-type': 'application/json' },
      JSON.stringify(payload),
    );
    if (raw.status >= 200 && raw.status < 300) return parseJson(TokenGrantSchema, raw);
    if (raw.status >= 500) throw new TransientError(`Token endpoint answered ${raw.status}`, raw.status);
    let json: unknown = null;
    try {
      json = JSON.parse(raw.text);
    } catch {
      // Fall through to the generic summary below.
    }
    const parsed = OAuthErrorBody.safeParse(json);
    if (parsed.success) throw new OAuthError(parsed.data.error, parsed.data.error_description ?? '', raw.status);
    const summary = summariseErrorBody(raw.text);
    if (raw.status === 429) throw new MalformedResponseError(`token endpoint rate limited: ${summary.message}`, 429);
    throw new OAuthError(summary.code, summary.message, raw.status);
  }

  const ttls = (t: TokenTtls) => ({ expires_in: t.expiresIn, refresh_token_expires_in: t.refreshTokenExpiresIn });

  return {
    authorizeUrl(params) {
      const url = new URL('/oauth/authorizations/new', core.endpoint.origin);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', options.clientId);
      url.searchParams.set('redirect_uri', params.redirectUri);
      url.searchParams.set('scope', params.scopes.join(' '));
      url.searchParams.set('state', params.state);
      if (params.codeChallenge) {
        url.searchParams.set('code_challenge', params.codeChallenge);
        url.searchParams.set('code_challenge_method', 'S256');
      }
      return url.toString();
    },
    exchangeCode: (p) =>
      grant({
        grant_type: 'authorization_code',
        code: p.code,
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uri: p.redirectUri,
        code_verifier: p.codeVerifier,
        scope: p.scopes?.join(' '),
        ...ttls(p),
      }),
    refresh: (p) =>
      grant({
        grant_type: 'refresh_token',
        refresh_token: p.refreshToken,
        client_id: options.clientId,
        client_secret: options.clientSecret,
        scope: p.scopes?.join(' '),
        ...ttls(p),
      }),
  };
}

import type { Account } from '../domain/account';
import type { OAuthToken } from '../domain/oauth-model';
import type { SimUser } from '../domain/user';
import type { SimState } from '../application/sim-state';

export type AuthContext =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'invalid' }
  /** The sim has no passwords or API tokens, so every Basic credential is a wrong one. */
  | { readonly kind: 'basic'; readonly apiToken: boolean }
  | { readonly kind: 'token'; readonly token: OAuthToken; readonly user: SimUser };

export interface ZendeskContext {
  readonly account: Account;
  readonly auth: AuthContext;
}

declare module 'fastify' {
  interface FastifyRequest {
    zendesk: ZendeskContext | null;
  }
}

// Also `<account>.zendesk.localhost`, which browsers resolve to loopback, so a person can click through consent.
const HOST = /^([a-z0-9][a-z0-9-]*)\.zendesk\.(?:com|localhost)(?::\d{1,5})?$/;

export function accountFromHost(state: SimState, host: string | undefined): Account | undefined {
  const match = host ? HOST.exec(host.toLowerCase()) : null;
  return match?.[1] ? state.accounts.get(match[1]) : undefined;
}

/** Expired, revoked or unknown bearers are all "invalid"; no Authorization header is anonymous. */
export function resolveAuth(account: Account, header: string | undefined, nowMs: number): AuthContext {
  if (!header) return { kind: 'anonymous' };
  const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
  if (basic !== undefined) {
    // API tokens authenticate as `{email}/token:{api_token}`; anything else is email and password (§2).
    const username = Buffer.from(basic, 'base64').toString('utf8').split(':')[0] ?? '';
    return { kind: 'basic', apiToken: username.endsWith('/token') };
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const token = match?.[1] ? account.tokens.byAccessToken(match[1]) : undefined;
  if (!token || (token.expiresAt !== null && token.expiresAt <= nowMs)) return { kind: 'invalid' };
  const user = account.users.get(token.userId);
  if (!user?.active) return { kind: 'invalid' };
  token.usedAt = nowMs;
  return { kind: 'token', token, user };
}

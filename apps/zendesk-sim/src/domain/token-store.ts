import type { OAuthToken } from './oauth-model';

/** Tokens indexed by access token, refresh token and id; revocation removes every index. */
export class TokenStore {
  private readonly byAccess = new Map<string, OAuthToken>();
  private readonly byRefresh = new Map<string, OAuthToken>();
  private readonly byId = new Map<number, OAuthToken>();

  add(token: OAuthToken): void {
    this.byAccess.set(token.accessToken, token);
    if (token.refreshToken) this.byRefresh.set(token.refreshToken, token);
    this.byId.set(token.id, token);
  }

  byAccessToken(value: string): OAuthToken | undefined {
    return this.byAccess.get(value);
  }

  byRefreshToken(value: string): OAuthToken | undefined {
    return this.byRefresh.get(value);
  }

  get(id: number): OAuthToken | undefined {
    return this.byId.get(id);
  }

  list(): OAuthToken[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id);
  }

  revoke(id: number): boolean {
    const token = this.byId.get(id);
    if (!token) return false;
    this.byId.delete(id);
    this.byAccess.delete(token.accessToken);
    if (token.refreshToken) this.byRefresh.delete(token.refreshToken);
    return true;
  }
}

import { z } from 'zod';

/** Legacy tokens never expire and carry no refresh token; expiring ones rotate (reference §1.5). */
export const TokenModeSchema = z.enum(['legacy', 'expiring']);
export type TokenMode = z.infer<typeof TokenModeSchema>;

export interface OAuthClient {
  readonly id: number;
  readonly name: string;
  /** The OAuth client_id ("unique identifier"), not the numeric id. */
  readonly identifier: string;
  readonly kind: 'public' | 'confidential';
  readonly secret: string;
  readonly redirectUris: readonly string[];
  readonly userId: number;
  /** Overrides the account's token mode when set. */
  readonly tokenMode: TokenMode | null;
  /** The 2026 "allowed scopes" restriction; null means any scope may be requested. */
  readonly allowedScopes: readonly string[] | null;
  readonly createdAt: number;
}

/** The 2026 allowed-scopes check: a scope outside the client's set is invalid_scope (reference §1.4). */
export function scopesAllowed(client: OAuthClient, scopes: readonly string[]): boolean {
  return client.allowedScopes === null || scopes.every((s) => client.allowedScopes?.includes(s));
}

export interface AuthCode {
  readonly code: string;
  readonly clientId: number;
  readonly userId: number;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly codeChallenge: string | null;
  /** Epoch ms. */
  readonly expiresAt: number;
}

export interface OAuthToken {
  readonly id: number;
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly clientId: number;
  readonly userId: number;
  readonly scopes: readonly string[];
  /** Epoch ms throughout. */
  readonly createdAt: number;
  usedAt: number | null;
  readonly expiresAt: number | null;
  readonly refreshExpiresAt: number | null;
}

/** Authorization codes live 120 s (reference §1.1). */
export const CODE_TTL_MS = 120_000;
export const DEFAULT_ACCESS_TTL_S = 1800;
export const DEFAULT_REFRESH_TTL_S = 2_592_000;

import { z } from 'zod';
import { defineEvent, type EventOf } from '../envelope';
import { EncryptedBlob, IsoDateTime, ZendeskId, ZendeskRole } from '../primitives';

/** What may be known about an OAuth token without decrypting it. */
export const TokenMetadata = z.object({
  /**
   * The provider's id of the token (Zendesk's OAuth token id), used to revoke it. Provider-neutral by
   * name; the type is Zendesk's numeric id while Zendesk is the only provider.
   */
  providerTokenId: ZendeskId,
  scopes: z.array(z.string().min(1)),
  /** Null for Zendesk's legacy non-expiring tokens, which are flagged for rotation instead of refreshed. */
  expiresAt: IsoDateTime.nullable(),
  refreshable: z.boolean(),
  /**
   * When the token is due for rotation, as the auth service decided it on issuing the token
   * (`tokenRotationDueAt`, token-rotation.ts); null for a token that expires (it is refreshed instead).
   * Optional because events written before the field lack it: `rotationDueAtOf` reads those.
   */
  rotationDueAt: IsoDateTime.nullable().optional(),
});
export type TokenMetadata = z.infer<typeof TokenMetadata>;

export const AuthorizationFailureReason = z.enum([
  'NOT_ADMIN',
  'PLAN_NOT_SUPPORTED',
  'ACCESS_DENIED',
  'INVALID_CLIENT',
  'INVALID_GRANT',
  'INVALID_STATE',
  'CODE_EXPIRED',
  'UPSTREAM_ERROR',
]);
export type AuthorizationFailureReason = z.infer<typeof AuthorizationFailureReason>;

export const ConnectorAuthorizationStarted = defineEvent(
  'ConnectorAuthorizationStarted',
  1,
  z.object({
    /** SHA-256 (hex) of the OAuth `state`; the state itself is a bearer nonce and stays out of the log. */
    stateHash: z.string().regex(/^[0-9a-f]{64}$/),
    scopes: z.array(z.string().min(1)),
    redirectUrl: z.url(),
    expiresAt: IsoDateTime,
  }),
);
export type ConnectorAuthorizationStarted = EventOf<typeof ConnectorAuthorizationStarted>;

/** The provider's user who granted the connector access. */
export const AuthorizingUser = z.object({ providerUserId: ZendeskId, email: z.string().min(1), role: ZendeskRole });
export type AuthorizingUser = z.infer<typeof AuthorizingUser>;

/** v2: provider-neutral `token.providerTokenId` and `authorizingUser.providerUserId`. */
export const ConnectorAuthorized = defineEvent(
  'ConnectorAuthorized',
  2,
  z.object({
    /** Access and refresh token, sealed together; never present in clear. */
    tokenBundle: EncryptedBlob,
    token: TokenMetadata,
    authorizingUser: AuthorizingUser,
    authorizedAt: IsoDateTime,
  }),
);
export type ConnectorAuthorized = EventOf<typeof ConnectorAuthorized>;

export const ConnectorAuthorizationFailed = defineEvent(
  'ConnectorAuthorizationFailed',
  1,
  z.object({ reason: AuthorizationFailureReason, message: z.string().min(1) }),
);
export type ConnectorAuthorizationFailed = EventOf<typeof ConnectorAuthorizationFailed>;

/** Zendesk rotates the refresh token on every refresh, so the whole bundle is replaced. v2: `providerTokenId`. */
export const ConnectorTokenRefreshed = defineEvent(
  'ConnectorTokenRefreshed',
  2,
  z.object({ tokenBundle: EncryptedBlob, token: TokenMetadata, refreshedAt: IsoDateTime }),
);
export type ConnectorTokenRefreshed = EventOf<typeof ConnectorTokenRefreshed>;

/** Raised once a token's `rotationDueAt` has come (token-rotation.ts); `dueAt` is that time. v2: `providerTokenId`. */
export const ConnectorTokenRotationDue = defineEvent(
  'ConnectorTokenRotationDue',
  2,
  z.object({ providerTokenId: ZendeskId, tokenIssuedAt: IsoDateTime, dueAt: IsoDateTime }),
);
export type ConnectorTokenRotationDue = EventOf<typeof ConnectorTokenRotationDue>;

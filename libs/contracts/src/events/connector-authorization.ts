import { z } from 'zod';
import { defineEvent, type EventOf } from '../envelope';
import { EncryptedBlob, IsoDateTime, ZendeskId, ZendeskRole } from '../primitives';

/** What may be known about an OAuth token without decrypting it. */
export const TokenMetadata = z.object({
  zendeskTokenId: ZendeskId,
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

export const ConnectorAuthorized = defineEvent(
  'ConnectorAuthorized',
  1,
  z.object({
    /** Access and refresh token, sealed together; never present in clear. */
    tokenBundle: EncryptedBlob,
    token: TokenMetadata,
    authorizingUser: z.object({ zendeskUserId: ZendeskId, email: z.string().min(1), role: ZendeskRole }),
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

/** Zendesk rotates the refresh token on every refresh, so the whole bundle is replaced. */
export const ConnectorTokenRefreshed = defineEvent(
  'ConnectorTokenRefreshed',
  1,
  z.object({ tokenBundle: EncryptedBlob, token: TokenMetadata, refreshedAt: IsoDateTime }),
);
export type ConnectorTokenRefreshed = EventOf<typeof ConnectorTokenRefreshed>;

/** Raised once a token's `rotationDueAt` has come (token-rotation.ts); `dueAt` is that time. */
export const ConnectorTokenRotationDue = defineEvent(
  'ConnectorTokenRotationDue',
  1,
  z.object({ zendeskTokenId: ZendeskId, tokenIssuedAt: IsoDateTime, dueAt: IsoDateTime }),
);
export type ConnectorTokenRotationDue = EventOf<typeof ConnectorTokenRotationDue>;

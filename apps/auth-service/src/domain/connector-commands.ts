import type {
  Actor,
  AuthorizationFailureReason,
  AuthorizingUser,
  ConnectionCheck,
  EncryptedBlob,
  ProviderName,
  TokenMetadata,
  ZendeskConnectorDetails,
} from '@zc/contracts';

/** What every command carries from the outside world: time, the new event's id and who asked. */
export interface CommandMeta {
  eventId: string;
  now: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
}

export type ConnectorCommand = { meta: CommandMeta } & (
  | {
      type: 'RegisterConnector';
      connectorId: string;
      name: string;
      clientId: string;
      clientSecret: EncryptedBlob;
      provider: ProviderName;
      endpoint: string;
      providerDetails: ZendeskConnectorDetails;
      rateLimitPerMinute: number;
      redirectUrl: string;
    }
  | { type: 'StartAuthorization'; stateHash: string; scopes: string[]; redirectUrl: string; expiresAt: string }
  | {
      type: 'CompleteAuthorization';
      stateHash: string;
      tokenBundle: EncryptedBlob;
      token: TokenMetadata;
      authorizingUser: AuthorizingUser;
      /** TOKEN_ROTATION_AGE: the decider writes the token's `rotationDueAt` from it. */
      rotationAgeMs: number;
    }
  | { type: 'FailAuthorization'; reason: AuthorizationFailureReason; message: string }
  | { type: 'RecordConnectionTest'; checks: ConnectionCheck[] }
  | { type: 'RecordTokenRefresh'; tokenBundle: EncryptedBlob; token: TokenMetadata; rotationAgeMs: number }
  | { type: 'FlagTokenRotation' }
  | { type: 'ChangeRateLimit'; rateLimitPerMinute: number }
  | { type: 'RotateCredentials'; clientId: string; clientSecret: EncryptedBlob }
  | { type: 'Disconnect'; tokenRevoked: boolean; revocationError: string | null }
  | { type: 'RequestRecollection'; from: string; to: string }
);

export type ConnectorCommandType = ConnectorCommand['type'];

import { z } from 'zod';
import { defineEvent } from '../envelope';
import {
  ConnectorAuthorized,
  ConnectorTokenRefreshed,
  ConnectorTokenRotationDue,
  TokenMetadata,
} from '../events/connector-authorization';
import { EncryptedBlob, IsoDateTime, ZendeskId, ZendeskRole } from '../primitives';
import { defineUpcaster } from './upcaster';

/** v1 of the token events named the provider's ids after Zendesk (`zendeskTokenId`, `zendeskUserId`). */
const TokenMetadataV1 = z.object({
  zendeskTokenId: ZendeskId,
  ...TokenMetadata.omit({ providerTokenId: true }).shape,
});

const tokenV1ToV2 = ({ zendeskTokenId, ...token }: z.output<typeof TokenMetadataV1>): TokenMetadata => ({
  providerTokenId: zendeskTokenId,
  ...token,
});

export const ConnectorAuthorizedV1 = defineEvent(
  'ConnectorAuthorized',
  1,
  z.object({
    tokenBundle: EncryptedBlob,
    token: TokenMetadataV1,
    authorizingUser: z.object({ zendeskUserId: ZendeskId, email: z.string().min(1), role: ZendeskRole }),
    authorizedAt: IsoDateTime,
  }),
);

export const ConnectorTokenRefreshedV1 = defineEvent(
  'ConnectorTokenRefreshed',
  1,
  z.object({ tokenBundle: EncryptedBlob, token: TokenMetadataV1, refreshedAt: IsoDateTime }),
);

export const ConnectorTokenRotationDueV1 = defineEvent(
  'ConnectorTokenRotationDue',
  1,
  z.object({ zendeskTokenId: ZendeskId, tokenIssuedAt: IsoDateTime, dueAt: IsoDateTime }),
);

export const connectorAuthorizedV1ToV2 = defineUpcaster(ConnectorAuthorizedV1, ConnectorAuthorized, (event) => {
  const { zendeskUserId, ...user } = event.data.authorizingUser;
  return {
    ...event,
    schemaVersion: 2 as const,
    data: {
      ...event.data,
      token: tokenV1ToV2(event.data.token),
      authorizingUser: { providerUserId: zendeskUserId, ...user },
    },
  };
});

export const connectorTokenRefreshedV1ToV2 = defineUpcaster(
  ConnectorTokenRefreshedV1,
  ConnectorTokenRefreshed,
  (event) => ({ ...event, schemaVersion: 2 as const, data: { ...event.data, token: tokenV1ToV2(event.data.token) } }),
);

export const connectorTokenRotationDueV1ToV2 = defineUpcaster(
  ConnectorTokenRotationDueV1,
  ConnectorTokenRotationDue,
  (event) => {
    const { zendeskTokenId, ...rest } = event.data;
    return { ...event, schemaVersion: 2 as const, data: { providerTokenId: zendeskTokenId, ...rest } };
  },
);

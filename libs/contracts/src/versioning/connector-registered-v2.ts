import { z } from 'zod';
import { defineEvent } from '../envelope';
import { ConnectorRegistered, RateLimitPerMinute } from '../events/connector-registration';
import { EncryptedBlob, ZendeskAccount, ZendeskEndpoint } from '../primitives';
import { defineUpcaster } from './upcaster';

/** v2 kept Zendesk's `subdomain` at the top level and named no provider: every connector was Zendesk's. */
export const ConnectorRegisteredV2 = defineEvent(
  'ConnectorRegistered',
  2,
  z.object({
    name: z.string().min(1).max(200),
    clientId: z.string().min(1),
    clientSecret: EncryptedBlob,
    subdomain: ZendeskAccount,
    endpoint: ZendeskEndpoint,
    rateLimitPerMinute: RateLimitPerMinute,
    redirectUrl: z.url(),
  }),
);

export const connectorRegisteredV2ToV3 = defineUpcaster(ConnectorRegisteredV2, ConnectorRegistered, (event) => {
  const { subdomain, ...lifecycle } = event.data;
  return {
    ...event,
    schemaVersion: 3 as const,
    data: { ...lifecycle, provider: 'zendesk' as const, providerDetails: { subdomain } },
  };
});

import { z } from 'zod';
import { defineEvent } from '../envelope';
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from '../events/connector-registration';
import { EncryptedBlob, ZendeskAccount, ZendeskEndpoint } from '../primitives';
import { ConnectorRegisteredV2 } from './connector-registered-v2';
import { defineUpcaster } from './upcaster';

/** v1 predates per-connector budgets: every connector ran at the default rate. */
export const ConnectorRegisteredV1 = defineEvent(
  'ConnectorRegistered',
  1,
  z.object({
    name: z.string().min(1).max(200),
    clientId: z.string().min(1),
    clientSecret: EncryptedBlob,
    subdomain: ZendeskAccount,
    endpoint: ZendeskEndpoint,
    redirectUrl: z.url(),
  }),
);

export const connectorRegisteredV1ToV2 = defineUpcaster(ConnectorRegisteredV1, ConnectorRegisteredV2, (event) => ({
  ...event,
  schemaVersion: 2 as const,
  data: { ...event.data, rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE },
}));

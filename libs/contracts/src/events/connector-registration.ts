import { z } from 'zod';
import { defineEvent, type EventOf } from '../envelope';
import { EncryptedBlob, ZendeskAccount, ZendeskEndpoint } from '../primitives';

/** Design §1.5: a connector's Zendesk budget unless an admin raises it. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 200;

export const RateLimitPerMinute = z.int().positive();

export const ConnectorRegistered = defineEvent(
  'ConnectorRegistered',
  2,
  z.object({
    name: z.string().min(1).max(200),
    clientId: z.string().min(1),
    clientSecret: EncryptedBlob,
    /** The Zendesk account; activity ids and the system actor's display name derive from it. */
    subdomain: ZendeskAccount,
    /**
     * The Zendesk host, `<subdomain>.zendesk.com`. Never a URL: where a host is served in development
     * (the simulator) is a trusted deployment setting, not something an event can redirect.
     */
    endpoint: ZendeskEndpoint,
    rateLimitPerMinute: RateLimitPerMinute,
    redirectUrl: z.url(),
  }),
);
export type ConnectorRegistered = EventOf<typeof ConnectorRegistered>;

export const ConnectorCredentialsRotated = defineEvent(
  'ConnectorCredentialsRotated',
  1,
  z.object({ clientId: z.string().min(1), clientSecret: EncryptedBlob }),
);
export type ConnectorCredentialsRotated = EventOf<typeof ConnectorCredentialsRotated>;

export const ConnectorRateLimitChanged = defineEvent(
  'ConnectorRateLimitChanged',
  1,
  z.object({ previousPerMinute: RateLimitPerMinute, rateLimitPerMinute: RateLimitPerMinute }),
);
export type ConnectorRateLimitChanged = EventOf<typeof ConnectorRateLimitChanged>;

export const ConnectorDisconnected = defineEvent(
  'ConnectorDisconnected',
  1,
  z.object({
    /** False when there was no token or Zendesk refused the revocation; the connector is disconnected anyway. */
    tokenRevoked: z.boolean(),
    revocationError: z.string().min(1).nullable(),
  }),
);
export type ConnectorDisconnected = EventOf<typeof ConnectorDisconnected>;

import { z } from 'zod';
import { defineEvent, type EventOf } from '../envelope';
import { EncryptedBlob, ZendeskAccount, ZendeskEndpoint } from '../primitives';

/** Design §1.5: a connector's Zendesk budget unless an admin raises it. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 200;

export const RateLimitPerMinute = z.int().positive();

/**
 * The SaaS providers a connector can connect. A connector's provider is fixed when it is registered, so
 * only `ConnectorRegistered` names it: every later event of the stream is read as that provider's.
 */
export const ProviderName = z.enum(['zendesk']);
export type ProviderName = z.infer<typeof ProviderName>;

/**
 * What only a Zendesk connector has. Provider-specific payload lives under `providerDetails`, apart from
 * the lifecycle fields every provider shares (name, client, endpoint, budget), so a second provider adds
 * its own details (and `provider` becomes the discriminator of a union) without touching the lifecycle.
 */
export const ZendeskConnectorDetails = z.object({
  /** The Zendesk account; activity ids and the system actor's display name derive from it. */
  subdomain: ZendeskAccount,
});
export type ZendeskConnectorDetails = z.infer<typeof ZendeskConnectorDetails>;

/** v3: the provider named, and the Zendesk-only `subdomain` moved under `providerDetails`. */
export const ConnectorRegistered = defineEvent(
  'ConnectorRegistered',
  3,
  z.object({
    name: z.string().min(1).max(200),
    provider: ProviderName,
    clientId: z.string().min(1),
    clientSecret: EncryptedBlob,
    /**
     * The provider's host, for Zendesk `<subdomain>.zendesk.com`. Generic (every provider has a host), but
     * validated as the one provider's form. Never a URL: where a host is served in development (the
     * simulator) is a trusted deployment setting, not something an event can redirect.
     */
    endpoint: ZendeskEndpoint,
    providerDetails: ZendeskConnectorDetails,
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

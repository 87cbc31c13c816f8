import { randomUUID } from 'node:crypto';
import {
  DEFAULT_TOKEN_ROTATION_AGE_MS,
  FIRST_SEQUENCE,
  newEvent,
  sealClientSecret,
  sealTokenBundle,
  tokenRotationDueAt,
  toEventMessage,
  type ConnectorEvent,
  type EventData,
} from '@zc/contracts';
import { createPublisher, type KafkaClient, type Publisher } from '@zc/kafka';
import type { KeyRing } from '@zc/secrets';

/**
 * Plays the auth service in tests and benchmarks: appends a connector's events to `connector.events`
 * with gap-free sequences from the stated origin, each envelope and sealed token built by the same
 * contracts functions the auth service uses.
 */
export class ConnectorEventWriter {
  readonly #publisher: Publisher;
  readonly #sequences = new Map<string, number>();

  constructor(
    client: KafkaClient,
    private readonly topic: string,
    private readonly ring: KeyRing,
  ) {
    this.#publisher = createPublisher(client);
  }

  connect = (): Promise<void> => this.#publisher.connect();
  disconnect = (): Promise<void> => this.#publisher.disconnect();

  async #append<T extends ConnectorEvent['type']>(connectorId: string, type: T, data: EventData<T>): Promise<void> {
    const sequence = this.#sequences.get(connectorId) ?? FIRST_SEQUENCE;
    this.#sequences.set(connectorId, sequence + 1);
    const now = new Date().toISOString();
    const event = newEvent(
      type,
      {
        eventId: randomUUID(),
        connectorId,
        sequence,
        occurredAt: now,
        recordedAt: now,
        actor: { kind: 'system' },
        correlationId: randomUUID(),
        causationId: null,
      },
      data,
    );
    await this.#publisher.publish(this.topic, [toEventMessage('connector.events', event)]);
  }

  registered(connectorId: string, subdomain: string, rateLimitPerMinute = 200): Promise<void> {
    return this.#append(connectorId, 'ConnectorRegistered', {
      name: `Zendesk ${subdomain}`,
      clientId: 'cas',
      clientSecret: sealClientSecret(this.ring, connectorId, 'client-secret-value'),
      provider: 'zendesk',
      endpoint: `${subdomain}.zendesk.com`,
      providerDetails: { subdomain },
      rateLimitPerMinute,
      redirectUrl: 'https://c.example.com/api/oauth/saga',
    });
  }

  /** A legacy (non-expiring) token, with the rotation time the auth service writes at its default age. */
  #token(providerTokenId: number, issuedAt: string) {
    const token = { providerTokenId, scopes: ['users:read', 'auditlogs:read'], expiresAt: null, refreshable: false };
    return { ...token, rotationDueAt: tokenRotationDueAt(token, issuedAt, DEFAULT_TOKEN_ROTATION_AGE_MS) };
  }

  #bundle(connectorId: string, accessToken: string) {
    return sealTokenBundle(this.ring, connectorId, { accessToken, refreshToken: null });
  }

  authorized(connectorId: string, accessToken: string, authorizedAt = new Date()): Promise<void> {
    return this.#append(connectorId, 'ConnectorAuthorized', {
      tokenBundle: this.#bundle(connectorId, accessToken),
      token: this.#token(1, authorizedAt.toISOString()),
      authorizingUser: { providerUserId: 1, email: 'ada@example.test', role: 'admin' },
      authorizedAt: authorizedAt.toISOString(),
    });
  }

  tokenRefreshed(connectorId: string, accessToken: string): Promise<void> {
    const refreshedAt = new Date().toISOString();
    return this.#append(connectorId, 'ConnectorTokenRefreshed', {
      tokenBundle: this.#bundle(connectorId, accessToken),
      token: this.#token(2, refreshedAt),
      refreshedAt,
    });
  }

  rateLimitChanged(connectorId: string, previousPerMinute: number, rateLimitPerMinute: number): Promise<void> {
    return this.#append(connectorId, 'ConnectorRateLimitChanged', { previousPerMinute, rateLimitPerMinute });
  }

  disconnected(connectorId: string): Promise<void> {
    return this.#append(connectorId, 'ConnectorDisconnected', { tokenRevoked: true, revocationError: null });
  }

  recollectionRequested(connectorId: string, from: Date, to: Date): Promise<void> {
    return this.#append(connectorId, 'RecollectionRequested', {
      window: { from: from.toISOString(), to: to.toISOString() },
    });
  }
}

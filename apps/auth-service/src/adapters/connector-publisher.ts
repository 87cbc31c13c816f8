import { encodeEvent, type ConnectorEvent } from '@zc/contracts';
import type { PublishPort } from '@zc/event-store';
import type { Publisher } from '@zc/kafka';

/**
 * The outbox relay's way out: each stored event, validated and encoded by the contracts, with the
 * stream version as its sequence (the store, not the decider, is the authority on positions).
 */
export function connectorEventsPort(publisher: Publisher, topic: string): PublishPort<ConnectorEvent> {
  return async (stored) => {
    const messages = stored.map(({ data, version }) => {
      const encoded = encodeEvent('connector.events', { ...data, sequence: version });
      return {
        key: encoded.key,
        value: JSON.parse(encoded.value) as unknown,
        headers: {
          eventType: encoded.headers['event-type'],
          schemaVersion: encoded.headers['schema-version'],
          eventId: encoded.headers['event-id'],
        },
      };
    });
    await publisher.publish(topic, messages);
  };
}

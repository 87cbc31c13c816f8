import { sequenceAfter, toEventMessage, type ConnectorEvent } from '@zc/contracts';
import type { PublishPort } from '@zc/event-store';
import type { Publisher } from '@zc/kafka';

/**
 * The outbox relay's way out: each stored event, validated and encoded by the contracts, with the
 * stream position as its sequence (the store, not the decider, is the authority on positions). Store
 * versions count from 1, so version n is the event after n - 1 others.
 */
export function connectorEventsPort(publisher: Publisher, topic: string): PublishPort<ConnectorEvent> {
  return async (stored) => {
    const messages = stored.map(({ data, version }) =>
      toEventMessage('connector.events', { ...data, sequence: sequenceAfter(version - 1) }),
    );
    await publisher.publish(topic, messages);
  };
}

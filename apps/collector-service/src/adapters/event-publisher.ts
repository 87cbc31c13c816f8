import {
  toEventMessage,
  type Actor,
  type CollectionEvent,
  type TopicEventMap,
  type TopicName,
  type ZendeskActivityRecorded,
  type ZendeskUserObserved,
} from '@zc/contracts';
import type { Publisher } from '@zc/kafka';
import type { EventContext, EventSink } from '../application/ports';
import type { TopicNames } from './topics';

const ACTOR: Actor = { kind: 'service', name: 'collector-service' };

export interface EventSinkDeps {
  readonly publisher: Publisher;
  readonly topics: TopicNames;
  readonly now: () => number;
  readonly newId: () => string;
}

export function createEventSink(deps: EventSinkDeps): EventSink {
  const envelope = (context: EventContext, type: string, sequence: number, occurredAt: string, data: unknown) => ({
    eventId: deps.newId(),
    type,
    schemaVersion: 1,
    connectorId: context.connectorId,
    sequence,
    occurredAt,
    recordedAt: new Date(deps.now()).toISOString(),
    actor: ACTOR,
    correlationId: context.correlationId,
    causationId: context.causationId,
    data,
  });
  const send = async <T extends TopicName>(topic: T, events: TopicEventMap[T][]): Promise<void> => {
    const messages = events.map((event) => toEventMessage(topic, event));
    await deps.publisher.publish(deps.topics[topic], messages);
  };
  return {
    activities: (context, items) =>
      send(
        'zendesk.activities',
        items.map(
          (item) =>
            envelope(
              context,
              'ZendeskActivityRecorded',
              item.sequence,
              item.occurredAt,
              item.data,
            ) as ZendeskActivityRecorded,
        ),
      ),
    users: (context, items) =>
      send(
        'zendesk.users',
        items.map(
          (item) =>
            envelope(
              context,
              'ZendeskUserObserved',
              item.sequence,
              item.data.updatedAt,
              item.data,
            ) as ZendeskUserObserved,
        ),
      ),
    collection: (context, type, sequence, data) =>
      send('collection.events', [
        envelope(context, type, sequence, new Date(deps.now()).toISOString(), data) as CollectionEvent,
      ]),
  };
}

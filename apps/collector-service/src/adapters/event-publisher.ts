import {
  newEvent,
  toEventMessage,
  type Actor,
  type EnvelopeFields,
  type TopicEventMap,
  type TopicName,
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
  const envelope = (context: EventContext, sequence: number, occurredAt: string): EnvelopeFields => ({
    eventId: deps.newId(),
    connectorId: context.connectorId,
    sequence,
    occurredAt,
    recordedAt: new Date(deps.now()).toISOString(),
    actor: ACTOR,
    correlationId: context.correlationId,
    causationId: context.causationId,
  });
  const send = async <T extends TopicName>(topic: T, events: TopicEventMap[T][]): Promise<void> => {
    const messages = events.map((event) => toEventMessage(topic, event));
    await deps.publisher.publish(deps.topics[topic], messages);
  };
  return {
    activities: (context, items) =>
      send(
        'zendesk.activities',
        items.map((item) =>
          newEvent('ZendeskActivityRecorded', envelope(context, item.sequence, item.occurredAt), item.data),
        ),
      ),
    users: (context, items) =>
      send(
        'zendesk.users',
        items.map((item) =>
          newEvent('ZendeskUserObserved', envelope(context, item.sequence, item.data.updatedAt), item.data),
        ),
      ),
    collection: (context, type, sequence, data) =>
      send('collection.events', [
        newEvent(type, envelope(context, sequence, new Date(deps.now()).toISOString()), data),
      ]),
  };
}

import { contractViolation } from './contract-violation-error';
import { eventDefinitionsOf, type AnyEvent, type TopicEventMap } from './event-registry';
import type { TopicName } from './topic-names';

/** The Kafka headers design §3 requires, minus `traceparent`, which belongs to the transport. */
export interface EventHeaders {
  'event-type': string;
  'schema-version': string;
  'event-id': string;
}

export interface EncodedEvent {
  readonly key: string;
  readonly value: string;
  readonly headers: EventHeaders;
}

/** The partition key of design §3: per connector, and per user on the compacted users topic. */
export function messageKeyOf(event: AnyEvent): string {
  return event.type === 'ZendeskUserObserved' ? `${event.connectorId}:${event.data.id}` : event.connectorId;
}

export function eventHeadersOf(event: AnyEvent): EventHeaders {
  return { 'event-type': event.type, 'schema-version': String(event.schemaVersion), 'event-id': event.eventId };
}

/** What a publisher takes: the validated event as an object (it serialises it) and camelCase headers. */
export interface EventMessage {
  readonly key: string;
  readonly value: unknown;
  readonly headers: { readonly eventType: string; readonly schemaVersion: string; readonly eventId: string };
}

/**
 * Validates an event against its current schema. Parsing strips keys the schema does not know, so a
 * field slipped in by mistake (a plaintext secret, say) is never published.
 */
function validated<Topic extends TopicName>(topic: Topic, event: TopicEventMap[Topic]): unknown {
  const definition = eventDefinitionsOf(topic).find((candidate) => candidate.type === event.type);
  if (!definition) {
    const issue = { code: 'custom' as const, path: ['type'], message: `not on ${topic}` };
    throw contractViolation('UNKNOWN_EVENT_TYPE', topic, event.type, event.schemaVersion, [issue]);
  }
  const parsed = definition.schema.safeParse(event);
  if (!parsed.success) {
    throw contractViolation('INVALID_EVENT', topic, event.type, event.schemaVersion, parsed.error.issues);
  }
  return parsed.data;
}

/** Validates and encodes an event for Kafka, value serialised. */
export function encodeEvent<Topic extends TopicName>(topic: Topic, event: TopicEventMap[Topic]): EncodedEvent {
  return { key: messageKeyOf(event), value: JSON.stringify(validated(topic, event)), headers: eventHeadersOf(event) };
}

/** Validates an event and shapes it as the message every service publishes. */
export function toEventMessage<Topic extends TopicName>(topic: Topic, event: TopicEventMap[Topic]): EventMessage {
  const headers = eventHeadersOf(event);
  return {
    key: messageKeyOf(event),
    value: validated(topic, event),
    headers: {
      eventType: headers['event-type'],
      schemaVersion: headers['schema-version'],
      eventId: headers['event-id'],
    },
  };
}

import type { EventEnvelope } from './envelope';
import { currentSchemaVersion, type AnyEvent, type EventType } from './event-registry';

/** The event of one type, as the registry's current version describes it. */
export type EventOfType<T extends EventType> = Extract<AnyEvent, { type: T }>;

type DataByType = { [K in EventType]: EventOfType<K>['data'] };
/** The payload of one event type; a mapped type, so generic writers can pass `EventData<T>` through. */
export type EventData<T extends EventType> = DataByType[T];

/** What a writer supplies around the data; `type` names the schema and the registry picks its version. */
export type EnvelopeFields = Omit<EventEnvelope, 'type' | 'schemaVersion' | 'data'>;

/**
 * Builds an event of the current version of its type. Every writer (the auth service's decider, the
 * collector's publisher, test fakes) calls this, so no event is ever written with a version of its own
 * choosing: `schemaVersion` is the registry's, and a new version reaches every writer at once.
 */
export function newEvent<T extends EventType>(type: T, envelope: EnvelopeFields, data: EventData<T>): EventOfType<T> {
  const event: EventEnvelope = {
    eventId: envelope.eventId,
    type,
    schemaVersion: currentSchemaVersion(type),
    connectorId: envelope.connectorId,
    sequence: envelope.sequence,
    occurredAt: envelope.occurredAt,
    recordedAt: envelope.recordedAt,
    actor: envelope.actor,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    data,
  };
  // The registry's current definition of `type` is exactly EventOfType<T>; TS cannot follow the lookup.
  return event as EventOfType<T>;
}

import { newEvent, sequenceAfter, type ConnectorEvent, type EventData, type EventOfType } from '@zc/contracts';
import type { CommandMeta } from './connector-commands';
import type { ConnectorState } from './connector-state';

export type ConnectorEventType = ConnectorEvent['type'];
export type ConnectorEventOf<T extends ConnectorEventType> = EventOfType<T>;

/** Wraps a decision in the envelope; the sequence is the stream position the event will take. */
export function connectorEvent<T extends ConnectorEventType>(
  state: ConnectorState,
  meta: CommandMeta,
  type: T,
  data: EventData<T>,
  connectorId: string = state.connectorId,
): ConnectorEventOf<T> {
  return newEvent(
    type,
    {
      eventId: meta.eventId,
      connectorId,
      sequence: sequenceAfter(state.version),
      occurredAt: meta.now,
      recordedAt: meta.now,
      actor: meta.actor,
      correlationId: meta.correlationId,
      causationId: meta.causationId,
    },
    data,
  );
}

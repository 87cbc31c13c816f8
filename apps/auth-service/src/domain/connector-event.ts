import { connectorEventDefinitions, type ConnectorEvent } from '@zc/contracts';
import type { CommandMeta } from './connector-commands';
import type { ConnectorState } from './connector-state';

export type ConnectorEventType = ConnectorEvent['type'];
export type ConnectorEventOf<T extends ConnectorEventType> = Extract<ConnectorEvent, { type: T }>;

const SCHEMA_VERSIONS = new Map<string, number>(connectorEventDefinitions.map((d) => [d.type, d.schemaVersion]));

/** Wraps a decision in the envelope; the sequence is the stream position the event will take. */
export function connectorEvent<T extends ConnectorEventType>(
  state: ConnectorState,
  meta: CommandMeta,
  type: T,
  data: ConnectorEventOf<T>['data'],
  connectorId: string = state.connectorId,
): ConnectorEventOf<T> {
  return {
    eventId: meta.eventId,
    type,
    schemaVersion: SCHEMA_VERSIONS.get(type) ?? 1,
    connectorId,
    sequence: state.version + 1,
    occurredAt: meta.now,
    recordedAt: meta.now,
    actor: meta.actor,
    correlationId: meta.correlationId,
    causationId: meta.causationId,
    data,
  } as ConnectorEventOf<T>;
}

export { createEventStore, type EventStore, type EventStoreOptions } from './event-store';
export type { EventStoreCollectionNames } from './records';
export { StreamVersionConflictError, EventIdCollisionError } from './errors';
export type { AppendResult, ExpectedVersion, NewEvent, StoredEvent, StreamRange } from './types';
export { handleCommand, type CommandResult, type HandleCommandOptions } from './handle-command';
export {
  createOutboxRelay,
  type OutboxRelay,
  type OutboxRelayOptions,
  type PublishPort,
  type RelayLogger,
} from './relay/outbox-relay';
export type { RelayLag } from './relay/lag';

import type { ExpectedVersion } from './types';

/** Another writer appended first; nothing of this append was written. Re-read, decide again, retry. */
export class StreamVersionConflictError extends Error {
  readonly code = 'STREAM_VERSION_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${String(actual)}, expected ${String(expected)}`);
    this.name = 'StreamVersionConflictError';
  }
}

/** An event id is already used (or repeated in one append). Event ids must be unique, e.g. UUIDs. */
export class EventIdCollisionError extends Error {
  readonly code = 'EVENT_ID_COLLISION';
  constructor(readonly eventId: string) {
    super(`Event id ${eventId} is already used by another event`);
    this.name = 'EventIdCollisionError';
  }
}

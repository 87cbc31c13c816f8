/** The minimum an event must carry; the store is generic over everything else in it. */
export interface NewEvent {
  /** Unique across all streams (a UUID); becomes the stored record's `_id`. */
  eventId: string;
  type: string;
}

/** `no_stream` (or 0): the stream must not exist yet. `any`: append after whatever is there. */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface StoredEvent<E extends NewEvent = NewEvent> {
  eventId: string;
  streamId: string;
  /** 1-based, per stream, gap-free. */
  version: number;
  /**
   * Unique across all streams and increasing per writing process; it has gaps, and across processes it
   * follows neither commit nor wall-clock order (positions.ts). Per-stream order is `version`.
   */
  globalPosition: number;
  type: string;
  /** The whole event object as given to `appendToStream`. */
  data: E;
  recordedAt: Date;
}

export interface AppendResult<E extends NewEvent = NewEvent> {
  streamId: string;
  /** The stream's version after this append: pass it as the next expected version. */
  nextExpectedVersion: number;
  events: StoredEvent<E>[];
}

/** Read the events of a stream after a version, up to an optional last version. */
export interface StreamRange {
  streamId: string;
  afterVersion: number;
  throughVersion?: number;
}

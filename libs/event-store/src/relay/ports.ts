import type { NewEvent, StoredEvent } from '../types';

// What the relay calls, apart from the relay itself, so the loop and its builder do not import each other.

/** The one thing the relay needs from a broker; resolve only once the events are durably accepted. */
export type PublishPort<E extends NewEvent = NewEvent> = (events: StoredEvent<E>[]) => Promise<void>;

type LogFn = (data: Record<string, unknown>, message: string) => void;
/** Structured, pino-compatible. */
export interface RelayLogger {
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

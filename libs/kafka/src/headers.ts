import type { IHeaders } from 'kafkajs';

/** Wire names of the headers every message carries (design §3), readable by any Kafka client. */
export const HEADER = {
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  eventId: 'event-id',
  traceparent: 'traceparent',
} as const;

export interface EventHeaders {
  eventType: string;
  schemaVersion: number | string;
  eventId: string;
  traceparent?: string;
}

export function toKafkaHeaders(headers: EventHeaders): IHeaders {
  const out: IHeaders = {
    [HEADER.eventType]: headers.eventType,
    [HEADER.schemaVersion]: String(headers.schemaVersion),
    [HEADER.eventId]: headers.eventId,
  };
  if (headers.traceparent !== undefined) out[HEADER.traceparent] = headers.traceparent;
  return out;
}

/** Header values as UTF-8 text; a repeated header keeps its last value, as Java's lastHeader() does. */
export function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined) out[name] = last.toString();
  }
  return out;
}

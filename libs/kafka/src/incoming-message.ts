import type { KafkaMessage } from 'kafkajs';
import { decodeHeaders } from './headers';

/** A consumed record, decoupled from kafkajs so handlers and parsers never import it. */
export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  /** Header values decoded as UTF-8 (`event-type`, `schema-version`, `event-id`, `traceparent`, ...). */
  headers: Record<string, string>;
  /** Producer or log-append time, epoch milliseconds as kafkajs reports it. */
  timestamp: string;
}

export function toIncomingMessage(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value,
    headers: decodeHeaders(message.headers),
    timestamp: message.timestamp,
  };
}

/** The value parsed as JSON; throws on an empty or malformed value, which sends the message to the DLQ. */
export function jsonValue(message: IncomingMessage): unknown {
  if (message.value === null) throw new SyntaxError('Message has no value (tombstone)');
  return JSON.parse(message.value.toString('utf8'));
}

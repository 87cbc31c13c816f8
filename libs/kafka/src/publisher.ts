import { Partitioners, type Message, type Producer } from 'kafkajs';
import { driverOf, type KafkaClient } from './client';
import { toKafkaHeaders, type EventHeaders } from './headers';
import { correlationIdOf, traceparentFor } from './trace-context';

export interface OutgoingMessage {
  /** Partitioning key; murmur2 like the Java client, so every client agrees on key → partition. */
  key: string;
  /** Serialised with JSON.stringify. */
  value: unknown;
  headers: EventHeaders;
}

export class UnserialisableMessageError extends Error {
  readonly code = 'KAFKA_UNSERIALISABLE_MESSAGE';
  constructor(
    readonly topic: string,
    readonly key: string,
  ) {
    super(`Message for ${topic} with key ${key} has no JSON representation`);
    this.name = 'UnserialisableMessageError';
  }
}

export interface Publisher {
  connect(): Promise<void>;
  /** One produce request for the whole array; resolves once every replica in the ISR has it (acks -1). */
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

/**
 * Idempotent producer settings shared with the dead-letter writer and the benchmark's baseline.
 * One request in flight: kafkajs' idempotent sequence tracking is only safe with 1 (it does not
 * reorder retried batches the way the Java client does with up to 5).
 */
export function createIdempotentProducer(client: KafkaClient): Producer {
  return driverOf(client).producer({
    idempotent: true,
    maxInFlightRequests: 1,
    // Passing the partitioner explicitly both pins murmur2 and silences kafkajs' v2 migration warning.
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
}

export function toKafkaMessage(topic: string, message: OutgoingMessage): Message {
  const value = JSON.stringify(message.value) as string | undefined;
  if (value === undefined) throw new UnserialisableMessageError(topic, message.key);
  const correlationId = message.headers.traceparent === undefined ? correlationIdOf(message.value) : undefined;
  const headers =
    correlationId === undefined ? message.headers : { ...message.headers, traceparent: traceparentFor(correlationId) };
  return { key: message.key, value, headers: toKafkaHeaders(headers) };
}

/** A message serialised ahead of time: what the publisher hands the producer for an `OutgoingMessage`. */
export interface RawMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** The publisher's producer without its serialisation; the baseline the publisher benchmark measures against. */
export interface RawProducer {
  connect(): Promise<void>;
  send(topic: string, messages: RawMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

export function createRawProducer(client: KafkaClient): RawProducer {
  const producer = createIdempotentProducer(client);
  return {
    connect: () => producer.connect(),
    send: async (topic, messages) => {
      await producer.send({ topic, acks: -1, messages });
    },
    disconnect: () => producer.disconnect(),
  };
}

export function createPublisher(client: KafkaClient): Publisher {
  const producer = createIdempotentProducer(client);
  return {
    connect: () => producer.connect(),
    async publish(topic, messages) {
      if (messages.length === 0) return;
      // Serialise everything first so a bad message fails the call before anything is sent.
      const kafkaMessages = messages.map((message) => toKafkaMessage(topic, message));
      await producer.send({ topic, acks: -1, messages: kafkaMessages });
    },
    disconnect: () => producer.disconnect(),
  };
}

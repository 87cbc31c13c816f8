import { DLQ_RETENTION, dlqBrokerTopicName } from '@zc/contracts';
import type { Admin, IHeaders, KafkaMessage, Message, Producer } from 'kafkajs';
import { driverOf, type KafkaClient } from './client';
import { errorMessage } from './logger';
import { createIdempotentProducer } from './publisher';
import { ensureTopicsWith } from './topics';

export type DeadLetterReason = 'parse' | 'handler';

export const DLQ_HEADER = {
  error: 'dlq-error',
  reason: 'dlq-reason',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
} as const;

/** Header values are bounded by the broker's message size; an error message never needs more than this. */
const MAX_ERROR_LENGTH = 2_000;

export interface DeadLetterSource {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/** The original key, value and headers, plus where it came from and why it was set aside. */
export function deadLetterMessage(source: DeadLetterSource, error: unknown, reason: DeadLetterReason): Message {
  const headers: IHeaders = {
    ...source.message.headers,
    [DLQ_HEADER.error]: errorMessage(error).slice(0, MAX_ERROR_LENGTH),
    [DLQ_HEADER.reason]: reason,
    [DLQ_HEADER.sourceTopic]: source.topic,
    [DLQ_HEADER.sourcePartition]: String(source.partition),
    [DLQ_HEADER.sourceOffset]: source.message.offset,
  };
  return { key: source.message.key, value: source.message.value, headers };
}

/**
 * Sends set-aside messages to `<topic>.dlq`. Callers normally provision DLQ topics with the rest of the
 * catalog; if one is missing the writer creates it as the catalog would (as many partitions as the source,
 * the catalog's DLQ retention) rather than blocking the partition.
 */
export class DeadLetterWriter {
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly ready = new Map<string, Promise<void>>();

  constructor(private readonly client: KafkaClient) {
    this.producer = createIdempotentProducer(client);
    this.admin = driverOf(client).admin();
  }

  async connect(): Promise<void> {
    await Promise.all([this.producer.connect(), this.admin.connect()]);
  }

  async disconnect(): Promise<void> {
    await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
  }

  async send(source: DeadLetterSource, error: unknown, reason: DeadLetterReason): Promise<void> {
    const topic = dlqBrokerTopicName(source.topic);
    await this.ensureTopic(source.topic);
    await this.producer.send({ topic, acks: -1, messages: [deadLetterMessage(source, error, reason)] });
    this.client.logger.warn(
      {
        topic: source.topic,
        partition: source.partition,
        offset: source.message.offset,
        reason,
        deadLetterTopic: topic,
      },
      `message set aside on ${topic}: ${errorMessage(error)}`,
    );
  }

  private ensureTopic(sourceTopic: string): Promise<void> {
    let pending = this.ready.get(sourceTopic);
    if (!pending) {
      pending = this.createIfMissing(sourceTopic);
      // A failed attempt is forgotten so the next message tries again.
      pending.catch(() => this.ready.delete(sourceTopic));
      this.ready.set(sourceTopic, pending);
    }
    return pending;
  }

  private async createIfMissing(sourceTopic: string): Promise<void> {
    const metadata = await this.admin.fetchTopicMetadata({ topics: [sourceTopic] });
    const partitions = metadata.topics[0]?.partitions.length ?? 1;
    await ensureTopicsWith(this.admin, [
      { name: dlqBrokerTopicName(sourceTopic), partitions, retentionMs: DLQ_RETENTION.retentionMs },
    ]);
  }
}

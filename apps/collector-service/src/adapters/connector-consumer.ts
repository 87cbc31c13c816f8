import { parseEventJson } from '@zc/contracts';
import { runConsumer, type ConsumerRunner, type KafkaClient, type KafkaLogger } from '@zc/kafka';
import type { ConnectorStore } from './connector-store';

export interface ConnectorConsumerOptions {
  readonly client: KafkaClient;
  readonly groupId: string;
  readonly topic: string;
  readonly store: ConnectorStore;
  readonly logger: KafkaLogger;
  /** Called after an event changed a connector, so a local worker reacts without waiting to poll. */
  readonly onChanged: (connectorId: string, partition: number) => void;
  /** After each write to `<topic>.dlq` (publishing health). */
  readonly onDeadLetter?: (ok: boolean) => void;
}

/**
 * Folds `connector.events` into the connector views in MongoDB. Idempotent: the per-connector
 * sequence guard in the store skips anything applied before, so redelivery and replays are harmless.
 * A message that does not parse goes to `<topic>.dlq` and the consumer moves on.
 */
export function startConnectorConsumer(options: ConnectorConsumerOptions): Promise<ConsumerRunner> {
  return runConsumer({
    client: options.client,
    groupId: options.groupId,
    topics: [options.topic],
    logger: options.logger,
    fromBeginning: true,
    maxWaitTimeInMs: 1_000,
    onDeadLetter: ({ ok }) => options.onDeadLetter?.(ok),
    retry: { maxAttempts: 8, initialBackoffMs: 50, maxBackoffMs: 2_000 },
    parse: (message) => {
      if (message.value === null) throw new SyntaxError('connector event without a value');
      return parseEventJson('connector.events', message.value.toString('utf8'));
    },
    handleBatch: async (items, context) => {
      for (const { value: event } of items) {
        if (await options.store.apply(event, context.partition))
          options.onChanged(event.connectorId, context.partition);
      }
    },
  });
}

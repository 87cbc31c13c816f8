import { parseEventJson, type TopicEventMap, type TopicName } from '@zc/contracts';
import { runConsumer, silentLogger, type ConsumerRunner, type KafkaClient } from '@zc/kafka';

/** Everything published on one topic, in arrival order, for assertions and benchmark figures. */
export interface TopicRecorder<T extends TopicName> {
  readonly events: TopicEventMap[T][];
  stop(): Promise<void>;
}

export async function recordTopic<T extends TopicName>(
  client: KafkaClient,
  logical: T,
  physical: string,
  groupId: string,
): Promise<TopicRecorder<T>> {
  const events: TopicEventMap[T][] = [];
  const runner: ConsumerRunner = await runConsumer({
    client,
    groupId,
    topics: [physical],
    logger: silentLogger,
    fromBeginning: true,
    maxWaitTimeInMs: 200,
    retry: { maxAttempts: 1, initialBackoffMs: 10, maxBackoffMs: 10 },
    parse: (message) => parseEventJson(logical, message.value?.toString('utf8') ?? ''),
    handleBatch: async (items) => {
      for (const item of items) events.push(item.value);
      await Promise.resolve();
    },
  });
  return { events, stop: () => runner.stop() };
}

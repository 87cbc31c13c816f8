import { parseEventJson, type AnyEvent, type TopicName } from '@zc/contracts';
import {
  runConsumer,
  type CommittedOffset,
  type ConsumerRunner,
  type ConsumerTuning,
  type KafkaClient,
  type KafkaLogger,
} from '@zc/kafka';
import type { Projector } from './projector';
import { logicalTopic, physicalTopic, type TopicNaming } from './topics';

export interface ProjectionConsumerOptions {
  client: KafkaClient;
  groupId: string;
  naming: TopicNaming;
  topics: readonly TopicName[];
  projector: Projector;
  logger: KafkaLogger;
  maxWaitTimeInMs?: number;
  onCommitted?: (offset: CommittedOffset) => void;
  /** Session timeout, batch size and the like; the runner's defaults otherwise. */
  tuning?: ConsumerTuning;
}

class UnknownTopicError extends Error {
  readonly code = 'PROJECTION_UNKNOWN_TOPIC';
  constructor(readonly topic: string) {
    super(`Topic ${topic} is not one this projection reads`);
    this.name = 'UnknownTopicError';
  }
}

/**
 * Runs the projection over its topics. Messages that fail the contract go to the DLQ at parse time;
 * a batch whose write keeps failing is retried, then bisected by the runner so only a poison message
 * goes to the DLQ and the view moves on.
 */
export function startProjectionConsumer(options: ProjectionConsumerOptions): Promise<ConsumerRunner> {
  const { naming } = options;
  const topicOf = (physical: string): TopicName => {
    const topic = logicalTopic(naming, physical);
    if (!topic) throw new UnknownTopicError(physical);
    return topic;
  };
  return runConsumer<AnyEvent>({
    client: options.client,
    groupId: options.groupId,
    topics: options.topics.map((topic) => physicalTopic(naming, topic)),
    parse: (message) => {
      if (message.value === null) throw new SyntaxError('Message has no value (tombstone)');
      return parseEventJson(topicOf(message.topic), message.value.toString('utf8'));
    },
    handleBatch: (items, context) =>
      options.projector.project(
        topicOf(context.topic),
        items.map((item) => item.value),
      ),
    retry: { maxAttempts: 8, initialBackoffMs: 200, maxBackoffMs: 10_000 },
    logger: options.logger,
    fromBeginning: true,
    ...options.tuning,
    ...(options.maxWaitTimeInMs === undefined ? {} : { maxWaitTimeInMs: options.maxWaitTimeInMs }),
    ...(options.onCommitted === undefined ? {} : { onCommitted: options.onCommitted }),
  });
}

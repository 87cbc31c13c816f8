import { brokerTopicName, brokerTopicSpecs, isTopicName, type BrokerTopicSpec, type TopicName } from '@zc/contracts';

/**
 * Kafka topic names are the catalog's names behind an optional prefix, so each test file (or a
 * staging tenant) gets its own topics while events are still parsed against their logical topic.
 */
export interface TopicNaming {
  prefix: string;
}

export const physicalTopic = (naming: TopicNaming, topic: TopicName): string => brokerTopicName(naming.prefix, topic);

export function logicalTopic(naming: TopicNaming, physical: string): TopicName | undefined {
  if (!physical.startsWith(naming.prefix)) return undefined;
  const name = physical.slice(naming.prefix.length);
  return isTopicName(name) ? name : undefined;
}

/** The topics the projection reads (and their DLQs) under the prefix, for ensureTopics at startup. */
export function topicSpecs(naming: TopicNaming, topics: readonly TopicName[], partitions: number): BrokerTopicSpec[] {
  return brokerTopicSpecs({ prefix: naming.prefix, partitions }, { reads: topics });
}

import { dlqTopicName, isTopicName, topicCatalog, type TopicName } from '@zc/contracts';
import type { TopicSpec as KafkaTopicSpec } from '@zc/kafka';

/**
 * Kafka topic names are the catalog's names behind an optional prefix, so each test file (or a
 * staging tenant) gets its own topics while events are still parsed against their logical topic.
 */
export interface TopicNaming {
  prefix: string;
}

export const physicalTopic = (naming: TopicNaming, topic: TopicName): string => `${naming.prefix}${topic}`;

export function logicalTopic(naming: TopicNaming, physical: string): TopicName | undefined {
  if (!physical.startsWith(naming.prefix)) return undefined;
  const name = physical.slice(naming.prefix.length);
  return isTopicName(name) ? name : undefined;
}

/** The catalog's topics (and their DLQs) under the prefix, for ensureTopics at startup. */
export function topicSpecs(naming: TopicNaming, topics: readonly TopicName[], partitions: number): KafkaTopicSpec[] {
  return topicCatalog({ partitions })
    .filter((spec) => topics.includes(spec.name))
    .flatMap((spec): KafkaTopicSpec[] => {
      const retention =
        spec.retention.cleanupPolicy === 'compact' ? { compacted: true } : { retentionMs: spec.retention.retentionMs };
      return [
        { name: physicalTopic(naming, spec.name), partitions: spec.partitions, ...retention },
        {
          name: `${naming.prefix}${dlqTopicName(spec.name)}`,
          partitions: spec.dlq.partitions,
          ...(spec.dlq.retention.cleanupPolicy === 'delete' ? { retentionMs: spec.dlq.retention.retentionMs } : {}),
        },
      ];
    });
}

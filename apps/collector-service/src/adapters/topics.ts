import { brokerTopicName, brokerTopicSpecs, TOPIC_NAMES, type BrokerTopicSpec, type TopicName } from '@zc/contracts';

/** Logical topic (design §3) → the name on the broker; a prefix keeps tests and stacks apart. */
export type TopicNames = Readonly<Record<TopicName, string>>;

export function topicNames(prefix: string): TopicNames {
  return Object.fromEntries(TOPIC_NAMES.map((topic) => [topic, brokerTopicName(prefix, topic)])) as Record<
    TopicName,
    string
  >;
}

/** Every topic the collector writes or reads, with the DLQ of the one it consumes (the contracts' rule). */
export function collectorTopicSpecs(prefix: string, partitions: number): BrokerTopicSpec[] {
  return brokerTopicSpecs(
    { prefix, partitions },
    { writes: ['collection.events', 'zendesk.activities', 'zendesk.users'], reads: ['connector.events'] },
  );
}

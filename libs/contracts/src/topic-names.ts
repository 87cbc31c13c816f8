/** The topics that carry events (design §3); each also has a `<topic>.dlq`. */
export const TOPIC_NAMES = ['connector.events', 'collection.events', 'zendesk.activities', 'zendesk.users'] as const;
export type TopicName = (typeof TOPIC_NAMES)[number];

export function isTopicName(name: string): name is TopicName {
  return (TOPIC_NAMES as readonly string[]).includes(name);
}

export function dlqTopicName(topic: TopicName): `${TopicName}.dlq` {
  return `${topic}.dlq`;
}

/**
 * The DLQ of a topic as the broker names it. Prefixing keeps the suffix last, so the dead-letter writer,
 * which only sees the source's broker name, lands on the same topic the catalog provisions.
 */
export function dlqBrokerTopicName(sourceBrokerTopic: string): string {
  return `${sourceBrokerTopic}.dlq`;
}

/** A catalog topic's (or its DLQ's) name on the broker: behind a prefix that keeps stacks apart. */
export function brokerTopicName(prefix: string, topic: TopicName | `${TopicName}.dlq`): string {
  return `${prefix}${topic}`;
}

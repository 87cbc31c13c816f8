import { topicCatalog, type TopicName } from '@zc/contracts';
import type { TopicSpec } from '@zc/kafka';

/** Logical topic (design §3) → the name on the broker; a prefix keeps tests and stacks apart. */
export type TopicNames = Readonly<Record<TopicName, string>>;

export function topicNames(prefix: string): TopicNames {
  return {
    'connector.events': `${prefix}connector.events`,
    'collection.events': `${prefix}collection.events`,
    'zendesk.activities': `${prefix}zendesk.activities`,
    'zendesk.users': `${prefix}zendesk.users`,
  };
}

/** Every topic the collector reads or writes, with the DLQ of the one it consumes. */
export function collectorTopicSpecs(names: TopicNames, partitions: number): TopicSpec[] {
  return topicCatalog({ partitions }).flatMap((spec) => {
    const retention =
      spec.retention.cleanupPolicy === 'compact' ? { compacted: true } : { retentionMs: spec.retention.retentionMs };
    const topic: TopicSpec = { name: names[spec.name], partitions: spec.partitions, ...retention };
    if (spec.name !== 'connector.events') return [topic];
    const dlq = spec.dlq.retention.cleanupPolicy === 'delete' ? spec.dlq.retention.retentionMs : undefined;
    return [topic, { name: `${names[spec.name]}.dlq`, partitions, ...(dlq === undefined ? {} : { retentionMs: dlq }) }];
  });
}

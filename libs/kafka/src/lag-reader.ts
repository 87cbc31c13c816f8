import { lagMessages, type LagReading } from '@zc/lag-monitor';
import type { Admin } from 'kafkajs';

/** One partition of one group as read from the brokers: the lag monitor's reading, with its lag in messages. */
export type PartitionLag = Omit<LagReading, 'consumerActive'> & { lagMessages: number };

export interface ReadConsumerLagOptions {
  /** Topics to report even where the group has not committed yet (e.g. the ones it subscribes to). */
  topics?: string[];
}

/**
 * Reads committed offsets and watermarks for each group over every partition of every topic it has
 * committed on (plus `options.topics`), so a partition without a commit shows up with offset -1 instead
 * of disappearing. Groups without members are reported too: a stopped consumer keeps showing its lag.
 */
export async function readConsumerLag(
  admin: Admin,
  groupIds: string[],
  options: ReadConsumerLagOptions = {},
): Promise<PartitionLag[]> {
  const watermarks = new Map<string, Promise<Map<number, { high: number; low: number }>>>();
  const topicWatermarks = (topic: string) => {
    let pending = watermarks.get(topic);
    if (!pending) {
      pending = admin
        .fetchTopicOffsets(topic)
        .then((offsets) => new Map(offsets.map((o) => [o.partition, { high: Number(o.high), low: Number(o.low) }])));
      watermarks.set(topic, pending);
    }
    return pending;
  };

  const perGroup = await Promise.all(
    groupIds.map(async (groupId) => {
      const topics = await committedOffsets(admin, groupId, options.topics ?? []);
      const rows = await Promise.all(
        topics.map(async ({ topic, partitions }) => {
          const marks = await topicWatermarks(topic);
          return partitions.map(({ partition, offset }): PartitionLag => {
            const { high, low } = marks.get(partition) ?? { high: 0, low: 0 };
            const committedOffset = Number(offset);
            return {
              groupId,
              topic,
              partition,
              committedOffset,
              highWatermark: high,
              lowWatermark: low,
              lagMessages: lagMessages(committedOffset, high, low),
            };
          });
        }),
      );
      return rows.flat();
    }),
  );
  return perGroup.flat().sort((a, b) => compare(a, b));
}

async function committedOffsets(admin: Admin, groupId: string, extraTopics: string[]) {
  // Without a topic list the broker answers only for partitions with a commit; naming the topics
  // makes it answer for every partition, -1 where nothing was committed.
  const known = await admin.fetchOffsets({ groupId });
  const topics = [...new Set([...known.map((t) => t.topic), ...extraTopics])];
  return topics.length === 0 ? [] : admin.fetchOffsets({ groupId, topics });
}

function compare(a: PartitionLag, b: PartitionLag): number {
  return a.groupId.localeCompare(b.groupId) || a.topic.localeCompare(b.topic) || a.partition - b.partition;
}

import type { Admin } from 'kafkajs';
import { driverOf, type KafkaClient } from './client';
import { readConsumerLag, type PartitionLag, type ReadConsumerLagOptions } from './lag-reader';

/** A consumer group as the broker describes it (states as in Kafka's protocol: Stable, Empty, Dead, …). */
export interface GroupDescription {
  groupId: string;
  state: string;
  members: number;
}

/** A group the broker lists; `protocolType` is `consumer` for consumer groups, empty for commit-only ones. */
export interface ListedGroup {
  groupId: string;
  protocolType: string;
}

/** What lag monitoring reads from the cluster: committed offsets, watermarks and group membership. */
export interface LagReads {
  /** Committed offsets and watermarks of every partition the groups committed on (see `readConsumerLag`). */
  consumerLag(groupIds: readonly string[], options?: ReadConsumerLagOptions): Promise<PartitionLag[]>;
  /** Log-end offset (the offset the next message will get) of each partition of a topic. */
  logEndOffsets(topic: string): Promise<Map<number, number>>;
  describeGroups(groupIds: readonly string[]): Promise<GroupDescription[]>;
  listGroups(): Promise<ListedGroup[]>;
}

/** One admin connection to the cluster: lag reads plus the broker count readiness checks use. */
export interface ClusterAdmin extends LagReads {
  /** Brokers in the cluster's metadata; rejects when none answers. */
  brokerCount(): Promise<number>;
  disconnect(): Promise<void>;
}

/** Connects an admin client; the caller disconnects it. */
export async function connectClusterAdmin(client: KafkaClient): Promise<ClusterAdmin> {
  const admin = driverOf(client).admin();
  await admin.connect();
  return clusterAdmin(admin);
}

function clusterAdmin(admin: Admin): ClusterAdmin {
  return {
    consumerLag: (groupIds, options) => readConsumerLag(admin, [...groupIds], options),
    async logEndOffsets(topic) {
      const offsets = await admin.fetchTopicOffsets(topic);
      return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
    },
    async describeGroups(groupIds) {
      if (groupIds.length === 0) return [];
      const { groups } = await admin.describeGroups([...groupIds]);
      return groups.map((g) => ({ groupId: g.groupId, state: g.state, members: g.members.length }));
    },
    async listGroups() {
      const { groups } = await admin.listGroups();
      return groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType }));
    },
    async brokerCount() {
      return (await admin.describeCluster()).brokers.length;
    },
    disconnect: () => admin.disconnect(),
  };
}

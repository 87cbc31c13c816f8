import type { LagReads } from '@zc/kafka';

/**
 * Which groups have live members. Offset fetches carry no commit time, so membership is what tells
 * Burrow's STALL (a consumer keeps committing the same offset) from STOP (nobody commits); a group
 * mid-rebalance still has members and counts as active.
 */
export async function activeGroups(cluster: LagReads, groupIds: readonly string[]): Promise<Set<string>> {
  const groups = await cluster.describeGroups(groupIds);
  return new Set(
    groups.filter((g) => g.members > 0 && g.state !== 'Empty' && g.state !== 'Dead').map((g) => g.groupId),
  );
}

/**
 * Every group the broker knows, including groups that only commit offsets without membership (their
 * protocol type is empty); share groups and Connect workers have no offsets to lag and are left out.
 */
export async function listedGroups(cluster: LagReads): Promise<string[]> {
  const groups = await cluster.listGroups();
  return groups.filter((g) => g.protocolType === 'consumer' || g.protocolType === '').map((g) => g.groupId);
}

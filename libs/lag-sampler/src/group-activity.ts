import type { Admin } from '@zc/kafka';

/**
 * Which groups have live members. Offset fetches carry no commit time, so membership is what tells
 * Burrow's STALL (a consumer keeps committing the same offset) from STOP (nobody commits); a group
 * mid-rebalance still has members and counts as active.
 */
export async function activeGroups(admin: Admin, groupIds: readonly string[]): Promise<Set<string>> {
  if (groupIds.length === 0) return new Set();
  const { groups } = await admin.describeGroups([...groupIds]);
  return new Set(
    groups.filter((g) => g.members.length > 0 && g.state !== 'Empty' && g.state !== 'Dead').map((g) => g.groupId),
  );
}

/**
 * Every group the broker knows, including groups that only commit offsets without membership (their
 * protocol type is empty); share groups and Connect workers have no offsets to lag and are left out.
 */
export async function listedGroups(admin: Admin): Promise<string[]> {
  const { groups } = await admin.listGroups();
  return groups.filter((g) => g.protocolType === 'consumer' || g.protocolType === '').map((g) => g.groupId);
}

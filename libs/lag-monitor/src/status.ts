import { z } from 'zod';

/** What Burrow can say about one partition. ERR exists only for groups. */
export const PartitionStatus = z.enum(['OK', 'WARN', 'STOP', 'STALL', 'REWIND']);
export type PartitionStatus = z.infer<typeof PartitionStatus>;

/** A group is as bad as its worst partition, capped at ERR (Burrow's group status). */
export const GroupStatus = z.enum(['OK', 'WARN', 'ERR']);
export type GroupStatus = z.infer<typeof GroupStatus>;

export const PARTITION_STATUSES: readonly PartitionStatus[] = PartitionStatus.options;
export const GROUP_STATUSES: readonly GroupStatus[] = GroupStatus.options;

export function groupStatusOf(statuses: readonly PartitionStatus[]): GroupStatus {
  if (statuses.some((status) => status === 'STOP' || status === 'STALL' || status === 'REWIND')) return 'ERR';
  return statuses.includes('WARN') ? 'WARN' : 'OK';
}

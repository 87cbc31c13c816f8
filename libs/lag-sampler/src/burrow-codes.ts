import type { LagGroupReport, PartitionStatus } from '@zc/lag-monitor';

/**
 * Burrow's numeric status codes (core/protocol/evaluator.go), which `kafka_consumergroup_group_status_code`
 * exports so alerts can say `>= 3` for "stopped, stalled, rewound or erroring":
 *
 * | code | status   |
 * |------|----------|
 * | 0    | NOTFOUND |
 * | 1    | OK       |
 * | 2    | WARN     |
 * | 3    | ERR      |
 * | 4    | STOP     |
 * | 5    | STALL    |
 * | 6    | REWIND   |
 */
export const BURROW_STATUS_CODES = {
  NOTFOUND: 0,
  OK: 1,
  WARN: 2,
  ERR: 3,
  STOP: 4,
  STALL: 5,
  REWIND: 6,
} as const;

export type BurrowStatusName = keyof typeof BURROW_STATUS_CODES;
export type BurrowStatusCode = (typeof BURROW_STATUS_CODES)[BurrowStatusName];

/**
 * The code of the group's worst partition (METRICS.md), not Burrow's group status capped at ERR: the
 * dashboard can then tell a stopped group from a rewound one without a second query. A group with no
 * partitions yet is NOTFOUND; a group whose report says ERR never maps below ERR.
 */
export function groupStatusCode(group: Pick<LagGroupReport, 'status' | 'partitions'> | undefined): BurrowStatusCode {
  if (!group || group.partitions.length === 0) return BURROW_STATUS_CODES.NOTFOUND;
  const worstPartition = Math.max(...group.partitions.map((p) => partitionStatusCode(p.status)));
  return Math.max(worstPartition, BURROW_STATUS_CODES[group.status]) as BurrowStatusCode;
}

export const partitionStatusCode = (status: PartitionStatus): BurrowStatusCode => BURROW_STATUS_CODES[status];

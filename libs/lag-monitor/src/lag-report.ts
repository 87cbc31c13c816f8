import { z } from 'zod';
import { GroupStatus, PartitionStatus } from './status';

const Offset = z.int().min(-1);
const Count = z.int().nonnegative();
const Seconds = z.number().nonnegative();
/** Burrow's completeness: how full the evaluation window is, from 0 to 1. */
const Complete = z.number().min(0).max(1);

export const LagPartitionReport = z.object({
  topic: z.string().min(1),
  partition: z.int().nonnegative(),
  /** -1 when the group never committed on this partition. */
  committedOffset: Offset,
  highWatermark: Count,
  lag: Count,
  lagSeconds: Seconds,
  status: PartitionStatus,
  /** Commits in the window over the window's size. */
  complete: Complete,
});
export type LagPartitionReport = z.infer<typeof LagPartitionReport>;

export const LagGroupReport = z.object({
  group: z.string().min(1),
  status: GroupStatus,
  totalLag: Count,
  maxLag: Count,
  maxLagSeconds: Seconds,
  /** Share of partitions whose window is full. */
  complete: Complete,
  partitions: z.array(LagPartitionReport),
  evaluatedAt: z.iso.datetime(),
});
export type LagGroupReport = z.infer<typeof LagGroupReport>;

/** What the HTTP API returns and `npm run lag` prints; groups by name, partitions by topic and number. */
export const LagReport = z.object({
  evaluatedAt: z.iso.datetime(),
  groups: z.array(LagGroupReport),
});
export type LagReport = z.infer<typeof LagReport>;

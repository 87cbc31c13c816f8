/**
 * One poll of one partition for one group, as the Kafka adapter reads it (its `PartitionLag` fits).
 * Offsets are "next to read / next to be written": lag is `highWatermark - committedOffset`.
 */
export interface LagReading {
  groupId: string;
  topic: string;
  partition: number;
  /** -1 when the group never committed on this partition. */
  committedOffset: number;
  /** Log-end offset: the offset the next produced message will get. */
  highWatermark: number;
  /** Earliest offset retention kept. */
  lowWatermark: number;
  /**
   * True when the group has live members, i.e. it is presumably still committing even if the offset
   * does not move. Offset fetches carry no commit time, so this is the only way to tell Burrow's STALL
   * (committing, not moving) from STOP (not committing); without it an unmoving offset reads as STOP.
   */
  consumerActive?: boolean;
}

/**
 * Messages the group still has to read. Without a commit, or with a commit retention has overtaken, the
 * group reads from what retention kept, so only retained messages count: an empty or fully expired
 * partition shows 0 rather than a false backlog. A commit past the log end (topic recreated) clamps to 0.
 */
export function lagMessages(committedOffset: number, highWatermark: number, lowWatermark: number): number {
  return Math.max(0, highWatermark - Math.max(committedOffset, lowWatermark));
}

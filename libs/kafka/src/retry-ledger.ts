/** One slice of a partition's messages as the processor hands it to the handler. */
export interface SliceKey {
  topic: string;
  partition: number;
  /** Offset of the slice's first message. */
  offset: string;
  size: number;
}

const partitionKey = (topic: string, partition: number) => `${topic}\u0000${String(partition)}`;
const sliceId = (key: SliceKey) => `${key.offset}+${String(key.size)}`;

/**
 * Failed attempts per slice. A retry waits with its partition paused instead of inside the fetch (which would
 * hold every other partition's next fetch), so the count must outlive the call that failed. A slice is named
 * by its first offset and size: a bisected half starts at the same offset as its parent yet is another slice.
 */
export class RetryLedger {
  readonly #partitions = new Map<string, Map<string, { offset: bigint; failures: number }>>();

  failures(key: SliceKey): number {
    return this.#partitions.get(partitionKey(key.topic, key.partition))?.get(sliceId(key))?.failures ?? 0;
  }

  record(key: SliceKey, failures: number): void {
    const id = partitionKey(key.topic, key.partition);
    const slices = this.#partitions.get(id) ?? new Map<string, { offset: bigint; failures: number }>();
    slices.set(sliceId(key), { offset: BigInt(key.offset), failures });
    this.#partitions.set(id, slices);
  }

  clear(key: SliceKey): void {
    this.#partitions.get(partitionKey(key.topic, key.partition))?.delete(sliceId(key));
  }

  /** Drops slices behind the partition's fetch position: done, or done by another member since. */
  forgetBefore(topic: string, partition: number, offset: string): void {
    const slices = this.#partitions.get(partitionKey(topic, partition));
    if (!slices) return;
    const from = BigInt(offset);
    for (const [id, slice] of slices) if (slice.offset < from) slices.delete(id);
  }
}

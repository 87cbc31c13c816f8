import type { Consumer } from 'kafkajs';

/**
 * Pauses a partition for a retry back-off and resumes it afterwards. Waiting inside eachBatch instead would
 * hold up every other partition: kafkajs fetches again only once all batches of the previous fetch are done.
 */
export class PartitionPauses {
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly consumer: Pick<Consumer, 'pause' | 'resume'>) {}

  pauseFor(topic: string, partition: number, delayMs: number): void {
    const key = `${topic}\u0000${String(partition)}`;
    clearTimeout(this.#timers.get(key));
    this.consumer.pause([{ topic, partitions: [partition] }]);
    const timer = setTimeout(() => {
      this.#timers.delete(key);
      this.consumer.resume([{ topic, partitions: [partition] }]);
    }, delayMs);
    timer.unref();
    this.#timers.set(key, timer);
  }

  /** Drops pending resumes when the consumer stops; a paused partition is not resumed then. */
  clear(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}

import type { KafkaMessage } from 'kafkajs';
import type { DeadLetterReason, DeadLetterSource } from './dead-letter';
import { toIncomingMessage, type IncomingMessage } from './incoming-message';
import { errorMessage, type KafkaLogger } from './logger';
import { attemptWithRetry, type RetryPolicy } from './retry';

export interface ParsedMessage<T> {
  message: IncomingMessage;
  value: T;
}

export interface HandlerContext {
  topic: string;
  partition: number;
  /** Long handlers call this so the group coordinator does not evict the member mid-batch. */
  heartbeat(): Promise<void>;
}

export interface BatchHandling<T> {
  parse: (message: IncomingMessage) => T;
  handleBatch: (items: ParsedMessage<T>[], context: HandlerContext) => Promise<void>;
  retry: RetryPolicy;
  isRetriable: (error: unknown) => boolean;
  deadLetters: { send(source: DeadLetterSource, error: unknown, reason: DeadLetterReason): Promise<void> };
  logger: KafkaLogger;
  sleep: (ms: number) => Promise<void>;
}

/** What the processor needs from the consumer for one fetched batch. */
export interface BatchControl {
  heartbeat(): Promise<void>;
  /** False once the consumer stops or the partition was revoked: leave the rest for the next owner. */
  shouldContinue(): boolean;
  /** Marks everything up to and including `offset` as done (kafkajs resolveOffset). */
  resolve(offset: string): void;
}

interface Entry<T> {
  raw: KafkaMessage;
  parsed: ParsedMessage<T>;
}

/**
 * Handles one fetched batch in offset order. Unparseable messages go straight to the DLQ. The rest go to the
 * handler as one batch, retried with backoff while the error is retriable; when that fails for good the batch
 * is bisected until only the failing message is left, which goes to the DLQ. Offsets are resolved only up to
 * work that is done, so an abandoned batch (stop, rebalance) resumes exactly where it was left.
 * Returns true when the whole batch is done.
 */
export async function processBatch<T>(
  handling: BatchHandling<T>,
  batch: { topic: string; partition: number; messages: KafkaMessage[] },
  control: BatchControl,
): Promise<boolean> {
  const { topic, partition } = batch;
  const entries: Entry<T>[] = [];
  for (const raw of batch.messages) {
    const message = toIncomingMessage(topic, partition, raw);
    try {
      entries.push({ raw, parsed: { message, value: handling.parse(message) } });
    } catch (error) {
      await handling.deadLetters.send({ topic, partition, message: raw }, error, 'parse');
    }
  }

  const context: HandlerContext = { topic, partition, heartbeat: () => control.heartbeat() };

  const settle = async (slice: Entry<T>[]): Promise<boolean> => {
    const outcome = await attemptWithRetry(
      () =>
        handling.handleBatch(
          slice.map((entry) => entry.parsed),
          context,
        ),
      {
        policy: handling.retry,
        isRetriable: (error) => handling.isRetriable(error),
        shouldContinue: () => control.shouldContinue(),
        sleep: (ms) => handling.sleep(ms),
        onRetry: async (error, attempt, delayMs) => {
          handling.logger.warn(
            { topic, partition, firstOffset: slice[0]?.raw.offset, size: slice.length, attempt, delayMs },
            `handler failed, retrying: ${errorMessage(error)}`,
          );
          await control.heartbeat();
        },
      },
    );
    const last = slice.at(-1);
    if (outcome.ok) {
      if (last) control.resolve(last.raw.offset);
      return true;
    }
    if (outcome.abandoned || !control.shouldContinue()) return false;
    if (slice.length === 1 && last) {
      await handling.deadLetters.send({ topic, partition, message: last.raw }, outcome.error, 'handler');
      control.resolve(last.raw.offset);
      return true;
    }
    const middle = Math.ceil(slice.length / 2);
    return (await settle(slice.slice(0, middle))) && (await settle(slice.slice(middle)));
  };

  if (entries.length > 0 && !(await settle(entries))) return false;
  // Covers trailing messages that went to the DLQ at parse time.
  const lastOffset = batch.messages.at(-1)?.offset;
  if (lastOffset !== undefined) control.resolve(lastOffset);
  return true;
}

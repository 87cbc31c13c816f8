import type { KafkaMessage } from 'kafkajs';
import type { DeadLetterReason, DeadLetterSource } from './dead-letter';
import { toIncomingMessage, type IncomingMessage } from './incoming-message';
import { errorMessage, type KafkaLogger } from './logger';
import { backoffMs, type RetryPolicy } from './retry';
import type { RetryLedger } from './retry-ledger';

export interface ParsedMessage<T> {
  message: IncomingMessage;
  value: T;
}

export interface HandlerContext {
  topic: string;
  partition: number;
  /** Long handlers may call this too; the runner already heartbeats on a timer while a call is in flight. */
  heartbeat(): Promise<void>;
}

export interface BatchHandling<T> {
  parse: (message: IncomingMessage) => T;
  handleBatch: (items: ParsedMessage<T>[], context: HandlerContext) => Promise<void>;
  retry: RetryPolicy;
  isRetriable: (error: unknown) => boolean;
  deadLetters: { send(source: DeadLetterSource, error: unknown, reason: DeadLetterReason): Promise<void> };
  logger: KafkaLogger;
  /** Handler calls get at most this many messages; progress is committed after each. */
  maxBatchSize: number;
  /** Failed attempts per slice, kept across fetches because a retry waits outside of this call. */
  ledger: RetryLedger;
}

/** What the processor needs from the consumer for one fetched batch. */
export interface BatchControl {
  heartbeat(): Promise<void>;
  /** False once the consumer stops, the partition was revoked or the group rebalances: leave the rest. */
  shouldContinue(): boolean;
  /** False once this fetched batch has used its time budget: the rest is fetched again later. */
  withinBudget(): boolean;
  /** Marks everything up to and including `offset` as done (kafkajs resolveOffset). */
  resolve(offset: string): void;
  /** Commits what is resolved, so a crash or eviction loses at most the chunk in flight. */
  commit(): Promise<void>;
  /** Pauses the partition for `delayMs` (a retry back-off) without holding up other partitions. */
  defer(delayMs: number): void;
}

/**
 * How a call ended: everything done; `yielded` (budget used or consumer stopping) or `deferred` (a retry is
 * due after a back-off) leave the unresolved rest to be fetched again.
 */
export type BatchOutcome = 'done' | 'yielded' | 'deferred';

interface Entry<T> {
  raw: KafkaMessage;
  parsed: ParsedMessage<T>;
}

/**
 * Handles one fetched batch in offset order, in chunks of at most `maxBatchSize`, committing after each.
 * Unparseable messages go straight to the DLQ. A failing chunk is retried after a back-off during which the
 * partition is paused (the consumer serves the other partitions meanwhile); when its attempts are used up it
 * is bisected until only the failing message is left, which goes to the DLQ. Offsets are resolved only up to
 * work that is done, so an abandoned batch (stop, rebalance, budget, back-off) resumes exactly where it was left.
 */
export async function processBatch<T>(
  handling: BatchHandling<T>,
  batch: { topic: string; partition: number; messages: KafkaMessage[] },
  control: BatchControl,
): Promise<BatchOutcome> {
  const { topic, partition } = batch;
  const first = batch.messages[0];
  if (first) handling.ledger.forgetBefore(topic, partition, first.offset);
  const context: HandlerContext = { topic, partition, heartbeat: () => control.heartbeat() };
  const { maxAttempts } = handling.retry;

  const settle = async (slice: Entry<T>[]): Promise<BatchOutcome> => {
    const head = slice[0];
    const last = slice.at(-1);
    if (!head || !last) return 'done';
    const key = { topic, partition, offset: head.raw.offset, size: slice.length };
    const failures = handling.ledger.failures(key);
    if (failures < maxAttempts) {
      try {
        await handling.handleBatch(
          slice.map((entry) => entry.parsed),
          context,
        );
        handling.ledger.clear(key);
        control.resolve(last.raw.offset);
        return 'done';
      } catch (error) {
        const attempt = handling.isRetriable(error) ? failures + 1 : maxAttempts;
        handling.ledger.record(key, attempt);
        if (attempt < maxAttempts) {
          const delayMs = backoffMs(attempt, handling.retry);
          handling.logger.warn(
            { topic, partition, firstOffset: head.raw.offset, size: slice.length, attempt, delayMs },
            `handler failed, retrying: ${errorMessage(error)}`,
          );
          control.defer(delayMs);
          return 'deferred';
        }
        if (slice.length === 1) {
          await handling.deadLetters.send({ topic, partition, message: last.raw }, error, 'handler');
          handling.ledger.clear(key);
          control.resolve(last.raw.offset);
          return 'done';
        }
      }
    }
    if (!control.shouldContinue()) return 'yielded';
    const middle = Math.ceil(slice.length / 2);
    const left = await settle(slice.slice(0, middle));
    if (left !== 'done') return left;
    const right = await settle(slice.slice(middle));
    if (right === 'done') handling.ledger.clear(key);
    return right;
  };

  let chunk: Entry<T>[] = [];
  const flush = async (): Promise<BatchOutcome> => {
    const outcome = await settle(chunk);
    chunk = [];
    await control.commit();
    return outcome;
  };

  for (const [index, raw] of batch.messages.entries()) {
    const message = toIncomingMessage(topic, partition, raw);
    try {
      chunk.push({ raw, parsed: { message, value: handling.parse(message) } });
    } catch (error) {
      await handling.deadLetters.send({ topic, partition, message: raw }, error, 'parse');
      // With nothing pending before it, the parse failure itself is done; otherwise the chunk's success covers it.
      if (chunk.length === 0) control.resolve(raw.offset);
    }
    const isLast = index === batch.messages.length - 1;
    if (chunk.length >= handling.maxBatchSize || (isLast && chunk.length > 0)) {
      const outcome = await flush();
      if (outcome !== 'done') return outcome;
      if (!isLast && (!control.shouldContinue() || !control.withinBudget())) return 'yielded';
    }
  }
  const lastOffset = batch.messages.at(-1)?.offset;
  if (lastOffset !== undefined) control.resolve(lastOffset);
  await control.commit();
  return 'done';
}

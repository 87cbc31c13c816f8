import type { Consumer, EachBatchPayload } from 'kafkajs';
import { processBatch, type HandlerContext, type ParsedMessage } from './batch-processor';
import type { KafkaClient } from './client';
import { DeadLetterWriter } from './dead-letter';
import type { IncomingMessage } from './incoming-message';
import type { KafkaLogger } from './logger';
import type { RetryPolicy } from './retry';

export interface CommittedOffset {
  topic: string;
  partition: number;
  /** The next offset the group will read (Kafka's committed-offset convention). */
  offset: string;
}

export interface ConsumerRunnerOptions<T> {
  client: KafkaClient;
  groupId: string;
  topics: string[];
  /** Throws on an invalid message; the message then goes to `<topic>.dlq` with reason `parse`. */
  parse: (message: IncomingMessage) => T;
  /** Must be idempotent: delivery is at least once, and a failed batch is replayed in halves. */
  handleBatch: (items: ParsedMessage<T>[], context: HandlerContext) => Promise<void>;
  retry: RetryPolicy;
  /** Errors worth retrying; defaults to all. A non-retriable error skips straight to bisecting. */
  isRetriable?: (error: unknown) => boolean;
  logger: KafkaLogger;
  /** Where a group with no committed offset starts; defaults to the beginning (views rebuild from the log). */
  fromBeginning?: boolean;
  partitionsConsumedConcurrently?: number;
  /** Long-poll wait of an idle fetch; also bounds how long stop() waits for it (kafkajs default 5 s). */
  maxWaitTimeInMs?: number;
  onCommitted?: (offset: CommittedOffset) => void;
  /** After each dead-letter write: a failing one blocks the partition, so apps report it in their health. */
  onDeadLetter?: (outcome: { ok: boolean; topic: string }) => void;
}

export interface ConsumerRunner {
  readonly groupId: string;
  /** True while the consumer is a member of the group with an assignment; the readiness signal. */
  isJoined(): boolean;
  /** The last offset this runner committed for a partition, if any. */
  committed(topic: string, partition: number): string | undefined;
  /**
   * Finishes the in-flight batch, commits it, leaves the group and disconnects. Apps call this on
   * SIGTERM so the partitions move to another member at once instead of after the session timeout.
   */
  stop(): Promise<void>;
}

/** Subscribes and starts consuming; resolves once the consumer is running (not yet necessarily joined). */
export async function runConsumer<T>(options: ConsumerRunnerOptions<T>): Promise<ConsumerRunner> {
  const { client, groupId, logger } = options;
  const consumer = client.kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    ...(options.maxWaitTimeInMs === undefined ? {} : { maxWaitTimeInMs: options.maxWaitTimeInMs }),
  });
  const deadLetters = new DeadLetterWriter(client);
  const observedDeadLetters = {
    async send(...args: Parameters<DeadLetterWriter['send']>): Promise<void> {
      try {
        await deadLetters.send(...args);
        options.onDeadLetter?.({ ok: true, topic: args[0].topic });
      } catch (error) {
        options.onDeadLetter?.({ ok: false, topic: args[0].topic });
        throw error;
      }
    },
  };
  const committed = new Map<string, string>();
  const stopping = new AbortController();
  let joined = false;

  consumer.on(consumer.events.GROUP_JOIN, (event) => {
    joined = true;
    logger.info({ groupId, assignment: event.payload.memberAssignment }, 'consumer joined group');
  });
  for (const left of [consumer.events.REBALANCING, consumer.events.STOP, consumer.events.DISCONNECT]) {
    consumer.on(left, () => (joined = false));
  }
  consumer.on(consumer.events.CRASH, (event) => {
    joined = false;
    logger.error({ groupId, err: event.payload.error, restart: event.payload.restart }, 'consumer crashed');
  });

  const sleep = (ms: number) => abortableSleep(ms, stopping.signal);

  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { batch } = payload;
    if (batch.messages.length === 0) return;
    await processBatch(
      {
        parse: options.parse,
        handleBatch: options.handleBatch,
        retry: options.retry,
        isRetriable: options.isRetriable ?? (() => true),
        deadLetters: observedDeadLetters,
        logger,
        sleep,
      },
      batch,
      {
        heartbeat: () => payload.heartbeat(),
        shouldContinue: () => payload.isRunning() && !payload.isStale(),
        resolve: (offset) => payload.resolveOffset(offset),
      },
    );
    await commitResolved(payload);
  };

  // Commits only what processBatch resolved, i.e. work that is done; a stop or rebalance mid-batch commits a prefix.
  const commitResolved = async (payload: EachBatchPayload): Promise<void> => {
    const pending = payload.uncommittedOffsets();
    if (pending.topics.length === 0) return;
    await payload.commitOffsetsIfNecessary(pending);
    for (const { topic, partitions } of pending.topics) {
      for (const { partition, offset } of partitions) {
        committed.set(`${topic}:${String(partition)}`, offset);
        options.onCommitted?.({ topic, partition: Number(partition), offset });
      }
    }
  };

  await deadLetters.connect();
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
      eachBatch,
    });
  } catch (error) {
    await Promise.allSettled([consumer.disconnect(), deadLetters.disconnect()]);
    throw error;
  }

  return {
    groupId,
    isJoined: () => joined,
    committed: (topic, partition) => committed.get(`${topic}:${String(partition)}`),
    stop: () => stopRunner(consumer, deadLetters, stopping),
  };
}

async function stopRunner(consumer: Consumer, deadLetters: DeadLetterWriter, stopping: AbortController) {
  // Cut retry back-offs short: the rest of the batch is left uncommitted for the next owner.
  stopping.abort();
  // kafkajs waits for the running eachBatch (which commits) before leaving the group.
  await consumer.disconnect();
  await deadLetters.disconnect();
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

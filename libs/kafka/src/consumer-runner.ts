import type { Consumer, EachBatchPayload } from 'kafkajs';
import { processBatch, type HandlerContext, type ParsedMessage } from './batch-processor';
import { keepAlive } from './keep-alive';
import { PartitionPauses } from './partition-pauses';
import { driverOf, type KafkaClient } from './client';
import { DeadLetterWriter } from './dead-letter';
import type { IncomingMessage } from './incoming-message';
import type { KafkaLogger } from './logger';
import type { RetryPolicy } from './retry';
import { RetryLedger } from './retry-ledger';

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
  /**
   * Must be idempotent: delivery is at least once, and a failed batch is replayed in halves. Gets at most
   * `maxBatchSize` messages of one partition per call.
   */
  handleBatch: (items: ParsedMessage<T>[], context: HandlerContext) => Promise<void>;
  retry: RetryPolicy;
  /** Errors worth retrying; defaults to all. A non-retriable error skips straight to bisecting. */
  isRetriable?: (error: unknown) => boolean;
  logger: KafkaLogger;
  /** Where a group with no committed offset starts; defaults to the beginning (views rebuild from the log). */
  fromBeginning?: boolean;
  /**
   * Partitions handled at once (default 1). kafkajs 2.2.4 fetches all partitions a broker leads together and
   * waits for every batch of a fetch before the next one, so concurrency does not make partitions independent:
   * the time budget and the paused retries do, at any concurrency. More only adds parallel writes, which the
   * embedded store (one SQLite writer) serves slower: a crash catch-up took 43-102 s at 6, 16 s at 1.
   */
  partitionsConsumedConcurrently?: number;
  /** Most messages per handler call (default 500); progress is committed after each call. */
  maxBatchSize?: number;
  /** After this long on one fetched batch (default 5 s) the rest is left for the next fetch, at a chunk boundary. */
  batchTimeBudgetMs?: number;
  /** Group session timeout (kafkajs default 30 s, broker minimum 6 s). */
  sessionTimeout?: number;
  /** How often the member heartbeats, also while a handler call is in flight (kafkajs default 3 s). */
  heartbeatInterval?: number;
  /** Most bytes fetched per partition (kafkajs default 1 MiB). */
  maxBytesPerPartition?: number;
  /** Long-poll wait of an idle fetch; also bounds how long stop() waits for it (kafkajs default 5 s). */
  maxWaitTimeInMs?: number;
  onCommitted?: (offset: CommittedOffset) => void;
  /** After each dead-letter write: a failing one blocks the partition, so apps report it in their health. */
  onDeadLetter?: (outcome: { ok: boolean; topic: string }) => void;
}

/** The knobs an app exposes in its config; the rest of the options are its wiring. */
export type ConsumerTuning = Partial<
  Pick<
    ConsumerRunnerOptions<unknown>,
    | 'partitionsConsumedConcurrently'
    | 'maxBatchSize'
    | 'batchTimeBudgetMs'
    | 'sessionTimeout'
    | 'heartbeatInterval'
    | 'maxBytesPerPartition'
  >
>;

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
  // Kafka's advice: heartbeat at most a third of the session timeout, so two lost heartbeats do not evict.
  const heartbeatInterval =
    options.heartbeatInterval ??
    Math.min(DEFAULTS.heartbeatInterval, Math.floor((options.sessionTimeout ?? DEFAULTS.sessionTimeout) / 3));
  const consumer = driverOf(client).consumer({
    groupId,
    allowAutoTopicCreation: false,
    heartbeatInterval,
    ...(options.sessionTimeout === undefined ? {} : { sessionTimeout: options.sessionTimeout }),
    ...(options.maxBytesPerPartition === undefined ? {} : { maxBytesPerPartition: options.maxBytesPerPartition }),
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
  const ledger = new RetryLedger();
  const pauses = new PartitionPauses(consumer);
  const budgetMs = options.batchTimeBudgetMs ?? DEFAULTS.batchTimeBudgetMs;
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

  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { batch } = payload;
    if (batch.messages.length === 0) return;
    const startedAt = Date.now();
    // A handler call longer than the session timeout must not get the member evicted (the livelock of issue 13).
    const alive = keepAlive(() => payload.heartbeat(), heartbeatInterval);
    try {
      await processBatch(
        {
          parse: options.parse,
          handleBatch: options.handleBatch,
          retry: options.retry,
          isRetriable: options.isRetriable ?? (() => true),
          deadLetters: observedDeadLetters,
          logger,
          maxBatchSize: options.maxBatchSize ?? DEFAULTS.maxBatchSize,
          ledger,
        },
        batch,
        {
          heartbeat: () => payload.heartbeat(),
          shouldContinue: () => payload.isRunning() && !payload.isStale() && !alive.lost(),
          withinBudget: () => Date.now() - startedAt < budgetMs,
          resolve: (offset) => payload.resolveOffset(offset),
          commit: () => commitResolved(payload),
          defer: (delayMs) => pauses.pauseFor(batch.topic, batch.partition, delayMs),
        },
      );
    } finally {
      alive.stop();
    }
    // Surfaces a lost generation to kafkajs, which then rejoins instead of fetching on a stale assignment.
    if (alive.lost()) await payload.heartbeat();
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
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? DEFAULTS.partitionsConsumedConcurrently,
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
    stop: () => stopRunner(consumer, deadLetters, pauses),
  };
}

const DEFAULTS = {
  partitionsConsumedConcurrently: 1,
  maxBatchSize: 500,
  batchTimeBudgetMs: 5_000,
  heartbeatInterval: 3_000,
  sessionTimeout: 30_000,
} as const;

async function stopRunner(consumer: Consumer, deadLetters: DeadLetterWriter, pauses: PartitionPauses) {
  // Pending retries are left uncommitted for the next owner.
  pauses.clear();
  // kafkajs waits for the running eachBatch (which commits) before leaving the group.
  await consumer.disconnect();
  await deadLetters.disconnect();
}

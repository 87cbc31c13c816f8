import type { Admin, ITopicConfig } from 'kafkajs';
import { driverOf, type KafkaClient } from './client';
import { realSleep } from './retry';

export interface TopicSpec {
  name: string;
  partitions: number;
  /** -1 keeps records forever (the log of record); omitted means the broker default. */
  retentionMs?: number;
  /** Log compaction keeps the latest record per key (snapshots such as users). */
  compacted?: boolean;
}

export interface EnsureTopicsOptions {
  /** How long to wait for every partition to have a leader. */
  timeoutMs?: number;
}

export class TopicsNotReadyError extends Error {
  readonly code = 'KAFKA_TOPICS_NOT_READY';
  constructor(
    readonly topics: string[],
    cause?: unknown,
  ) {
    super(`Topics without a leader for every partition: ${topics.join(', ')}`, { cause });
    this.name = 'TopicsNotReadyError';
  }
}

export function topicConfig(spec: TopicSpec): ITopicConfig {
  const configEntries: { name: string; value: string }[] = [];
  if (spec.retentionMs !== undefined) configEntries.push({ name: 'retention.ms', value: String(spec.retentionMs) });
  if (spec.compacted === true) configEntries.push({ name: 'cleanup.policy', value: 'compact' });
  return { topic: spec.name, numPartitions: spec.partitions, replicationFactor: -1, configEntries };
}

/**
 * Creates the topics that are missing and returns once metadata shows a leader for every partition.
 * Safe to run from several processes at once: losing the creation race (TOPIC_ALREADY_EXISTS) is fine.
 * Existing topics are left as they are; their partition count and configs are not changed.
 */
export async function ensureTopics(
  client: KafkaClient,
  specs: TopicSpec[],
  options: EnsureTopicsOptions = {},
): Promise<void> {
  if (specs.length === 0) return;
  const admin = driverOf(client).admin();
  await admin.connect();
  try {
    await ensureTopicsWith(admin, specs, options);
  } finally {
    await admin.disconnect();
  }
}

/** As `ensureTopics`, on an admin the caller already holds. */
export async function ensureTopicsWith(admin: Admin, specs: TopicSpec[], options: EnsureTopicsOptions = {}) {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.name));
  if (missing.length > 0) {
    // Leaders are awaited below, not by kafkajs: its own wait throws UNKNOWN_TOPIC_OR_PARTITION when
    // another process created the same topics a moment earlier (services starting together).
    try {
      await admin.createTopics({ waitForLeaders: false, topics: missing.map(topicConfig) });
    } catch (error) {
      if (!isCreationRace(error)) throw error;
    }
  }
  await waitForLeaders(
    admin,
    specs.map((spec) => spec.name),
    options.timeoutMs ?? 30_000,
  );
}

const RACE_ERRORS = new Set(['TOPIC_ALREADY_EXISTS', 'UNKNOWN_TOPIC_OR_PARTITION']);

/** Losing a creation race to another process is fine; anything else (bad config, no broker) is not. */
function isCreationRace(error: unknown): boolean {
  const { type, errors } = error as { type?: unknown; errors?: unknown };
  if (typeof type === 'string') return RACE_ERRORS.has(type);
  return Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isCreationRace(inner));
}

async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pending = topics;
  for (let delay = 50; ; delay = Math.min(delay * 2, 1_000)) {
    const check = await topicsWithoutLeaders(admin, pending);
    pending = check.pending;
    if (pending.length === 0) return;
    // The last metadata error (broker unreachable, say) travels as the cause instead of being lost.
    if (Date.now() > deadline) throw new TopicsNotReadyError(pending, check.error);
    await realSleep(delay);
  }
}

async function topicsWithoutLeaders(admin: Admin, topics: string[]): Promise<{ pending: string[]; error?: unknown }> {
  try {
    const metadata = await admin.fetchTopicMetadata({ topics });
    const ready = new Set(
      metadata.topics
        .filter((topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0))
        .map((topic) => topic.name),
    );
    return { pending: topics.filter((topic) => !ready.has(topic)) };
  } catch (error) {
    // Right after creation KRaft may still answer UNKNOWN_TOPIC_OR_PARTITION; that is "not ready yet".
    return { pending: topics, error };
  }
}

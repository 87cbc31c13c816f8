import { createLogger } from '@zc/http';
import { createKafkaClient, ensureTopics, silentLogger, type KafkaClient } from '@zc/kafka';
import { generateKeySpec, parseKeyRing, type KeyRing } from '@zc/secrets';
import { startCollector, type Collector } from '../runtime';
import { CollectorConfigSchema, type CollectorConfig } from '../config';
import { collectorTopicSpecs, topicNames, type TopicNames } from '../adapters/topics';
import type { WorkerSettings } from '../application/worker-settings';

export interface FixtureOptions {
  readonly brokers: readonly string[];
  readonly mongoUri: string;
  readonly database: string;
  readonly topicPrefix: string;
  readonly simBaseUrl: string;
  /** Extra env (POLL_INTERVAL, LEASE_TTL, ...), as main.ts would read it. */
  readonly env?: Readonly<Record<string, string>>;
  readonly settings?: Partial<WorkerSettings>;
}

/** Shared pieces of a test stack: config, key ring, topic names and a Kafka client for assertions. */
export interface CollectorFixture {
  readonly ring: KeyRing;
  readonly topics: TopicNames;
  readonly kafka: KafkaClient;
  /** The environment main.ts reads, for a collector run as its own process. */
  env(extra?: Readonly<Record<string, string>>): Record<string, string>;
  config(env?: Readonly<Record<string, string>>): CollectorConfig;
  /** Creates the topics, so recorders can subscribe before any collector starts. */
  ensureTopics(): Promise<void>;
  start(instanceId: string, env?: Readonly<Record<string, string>>): Promise<Collector>;
}

export function collectorFixture(options: FixtureOptions): CollectorFixture {
  const keys = generateKeySpec('k1');
  const ring = parseKeyRing(keys);
  const envOf = (extra: Readonly<Record<string, string>> = {}): Record<string, string> => ({
    KAFKA_BROKERS: options.brokers.join(','),
    KAFKA_TOPIC_PARTITIONS: '3',
    KAFKA_TOPIC_PREFIX: options.topicPrefix,
    CONSUMER_GROUP: `${options.topicPrefix}collector`,
    MONGO_URI: options.mongoUri,
    MONGO_DB: options.database,
    ENCRYPTION_KEYS: keys,
    ZENDESK_HOST_OVERRIDE_URL: options.simBaseUrl,
    LOG_LEVEL: 'warn',
    END_LAG: '1s',
    POLL_INTERVAL: '1s',
    RESCAN_WINDOW: '10m',
    ROLE_CHECK_INTERVAL: '1s',
    CAPABILITY_RETRY_INTERVAL: '1s',
    LEASE_TTL: '3s',
    ...options.env,
    ...extra,
  });
  const config = (env: Readonly<Record<string, string>> = {}): CollectorConfig =>
    CollectorConfigSchema.parse(envOf(env));
  const topics = topicNames(options.topicPrefix);
  const kafka = createKafkaClient({ brokers: [...options.brokers], clientId: 'collector-test', logger: silentLogger });
  return {
    ring,
    topics,
    kafka,
    env: envOf,
    config,
    ensureTopics: () => ensureTopics(kafka, collectorTopicSpecs(options.topicPrefix, 3)),
    start: (instanceId, env = {}) =>
      startCollector({
        config: { ...config(env), INSTANCE_ID: instanceId },
        logger: createLogger({ serviceName: 'collector-service', level: 'warn' }),
        settings: { persistAfter: 3, progressEveryPages: 5, ...options.settings },
      }),
  };
}

/** The largest number of timestamps inside any half-open window [t, t + windowMs). */
export function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let end = 0;
  for (let start = 0; start < sorted.length; start += 1) {
    while (end < sorted.length && (sorted[end] ?? 0) < (sorted[start] ?? 0) + windowMs) end += 1;
    max = Math.max(max, end - start);
  }
  return max;
}

import { envDurationMs, envList, envPort } from '@zc/config';
import { z } from 'zod';

export const ProjectionConfig = z.object({
  PORT: envPort().default(8083),
  HOST: z.string().min(1).default('127.0.0.1'),
  KAFKA_BROKERS: envList(z.string().min(1)).pipe(z.array(z.string()).min(1)),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().positive().default(6),
  /** Prepended to every topic name (tests, tenants); empty in production. */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  CONSUMER_GROUP: z.string().min(1).default('projection-service'),
  /** How long a dead instance keeps its partitions before another takes them over (broker minimum 6 s). */
  CONSUMER_SESSION_TIMEOUT: envDurationMs().default(30_000),
  /**
   * Partitions written at once. 1 on the embedded store (one SQLite writer): after a kill -9 at 5,000
   * activities the restart caught up in 16 s at 1 and in 43-102 s at 6 (once not at all). Raise it on MongoDB.
   */
  CONSUMER_PARTITIONS_CONCURRENTLY: z.coerce.number().int().positive().default(1),
  /** Activities per write call; progress is committed after each. */
  CONSUMER_MAX_BATCH_SIZE: z.coerce.number().int().positive().default(500),
  MONGO_URI: z.string().min(1),
  MONGO_DB: z.string().min(1).default('zc_projection'),
  /**
   * Where the auth service keeps API key digests, and nothing else. Never the auth database: that one
   * holds the event store with sealed client secrets and tokens. In production KEYS_MONGO_URI carries
   * a user that may only read this database (docker/mongo/init-replica-set.js).
   */
  KEYS_MONGO_URI: z.string().min(1).optional(),
  KEYS_MONGO_DB: z.string().min(1).default('zc_keys'),
  ACTIVITY_RETENTION: envDurationMs().default(180 * 86_400_000),
  RETENTION_INTERVAL: envDurationMs().default(3_600_000),
  /** How often a silent collector's stall is stored in the status and its history (reads see it anyway). */
  STATUS_SWEEP_INTERVAL: envDurationMs().default(5_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Consumer groups whose lag this service reports besides its own (the product's other consumers). */
  LAG_GROUPS: envList(z.string().min(1)).default(['collector-service']),
  LAG_INTERVAL: envDurationMs().default(10_000),
  /** Server-side time limit of one activity query (queueing included); past it, 503 with Retry-After. */
  QUERY_TIME_LIMIT: envDurationMs().default(2_000),
  /** Activity queries served at once, and waiting; past both, 503 with Retry-After instead of a long queue. */
  QUERY_CONCURRENCY: z.coerce.number().int().positive().default(4),
  QUERY_QUEUE: z.coerce.number().int().nonnegative().default(32),
  EXPORT_TIME_LIMIT: envDurationMs().default(300_000),
  EXPORT_CONCURRENCY: z.coerce.number().int().positive().default(2),
});
export type ProjectionConfig = z.output<typeof ProjectionConfig>;

/** Every database the service connects to, and with which URI: its own views and the API key digests. */
export const projectionDatabases = (config: ProjectionConfig) => ({
  views: { uri: config.MONGO_URI, dbName: config.MONGO_DB },
  apiKeys: { uri: config.KEYS_MONGO_URI ?? config.MONGO_URI, dbName: config.KEYS_MONGO_DB },
});

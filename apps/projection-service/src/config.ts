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
  /** Partitions written at once; each writes its own chunks, so one stuck partition does not stop the rest. */
  CONSUMER_PARTITIONS_CONCURRENTLY: z.coerce.number().int().positive().default(6),
  /** Activities per write call; progress is committed after each. */
  CONSUMER_MAX_BATCH_SIZE: z.coerce.number().int().positive().default(500),
  MONGO_URI: z.string().min(1),
  MONGO_DB: z.string().min(1).default('zc_projection'),
  /** Where the auth service keeps hashed API keys. */
  AUTH_MONGO_DB: z.string().min(1).default('zc_auth'),
  ACTIVITY_RETENTION: envDurationMs().default(180 * 86_400_000),
  RETENTION_INTERVAL: envDurationMs().default(3_600_000),
  TOKEN_ROTATION_AGE: envDurationMs().default(180 * 86_400_000),
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

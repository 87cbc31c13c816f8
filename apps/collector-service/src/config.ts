import { DEFAULT_COLLECTOR_CADENCE } from '@zc/contracts';
import { envDurationMs, envList, envPort, parseConfig, type Env } from '@zc/config';
import { z } from 'zod';

const positiveInt = () =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.int().positive());

/** Every setting of the collector, parsed once by main.ts; no secret has a default. */
export const CollectorConfigSchema = z.object({
  PORT: envPort().default(8082),
  HOST: z.string().min(1).default('127.0.0.1'),
  KAFKA_BROKERS: envList(z.string().min(1)).pipe(z.array(z.string()).min(1, 'needs at least one broker')),
  KAFKA_TOPIC_PARTITIONS: positiveInt().default(6),
  /** Prepended to every topic name; tests and side-by-side stacks use it, production leaves it empty. */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  CONSUMER_GROUP: z.string().min(1).default('collector-service'),
  MONGO_URI: z.string().min(1),
  MONGO_DB: z.string().min(1).default('zc_collector'),
  ENCRYPTION_KEYS: z.string().min(1).describe('id:base64key,...; the first is active'),
  ZENDESK_HOST_OVERRIDE_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Names this instance in leases and logs; defaults to a random id per process. */
  INSTANCE_ID: z.string().min(1).optional(),
  BACKFILL_DAYS: positiveInt().default(7),
  END_LAG: envDurationMs().default(30_000),
  POLL_INTERVAL: envDurationMs().default(DEFAULT_COLLECTOR_CADENCE.pollIntervalMs),
  RESCAN_WINDOW: envDurationMs().default(600_000),
  ROLE_CHECK_INTERVAL: envDurationMs().default(900_000),
  /** How long a failed capability waits before it is tried again (plan, demotion, upstream errors). */
  CAPABILITY_RETRY_INTERVAL: envDurationMs().default(300_000),
  LEASE_TTL: envDurationMs().default(DEFAULT_COLLECTOR_CADENCE.leaseTtlMs),
  /** The budget's window; 60 s in production, shorter in tests so they need not wait whole minutes. */
  BUDGET_WINDOW: envDurationMs().default(60_000),
  INCREMENTAL_EXPORT_PER_MINUTE: positiveInt().default(10),
  MAX_CONNECTORS_PER_INSTANCE: positiveInt().default(100),
  INACTIVITY_THRESHOLD: envDurationMs().default(6 * 3_600_000),
  /** Publishing to Kafka counts as blocked once a publish has been in flight this long (or one failed). */
  PUBLISH_BLOCKED_AFTER: envDurationMs().default(10_000),
});
export type CollectorConfig = z.output<typeof CollectorConfigSchema>;

export const loadConfig = (env: Env): CollectorConfig => parseConfig(CollectorConfigSchema, env);

import { envDurationMs, envList, envPort, parseConfig, type Env } from '@zc/config';
import { DEFAULT_TOKEN_ROTATION_AGE_MS } from '@zc/contracts';
import { z } from 'zod';

const positiveInt = () =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.int().positive());

/** Every setting of the auth service, parsed once by main.ts (and the admin CLI); no secret has a default. */
export const AuthConfigSchema = z.object({
  PORT: envPort().default(8081),
  HOST: z.string().min(1).default('127.0.0.1'),
  KAFKA_BROKERS: envList(z.string().min(1)).pipe(z.array(z.string()).min(1, 'needs at least one broker')),
  KAFKA_TOPIC_PARTITIONS: positiveInt().default(6),
  /** Prepended to every topic name; tests and side-by-side stacks use it, production leaves it empty. */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  MONGO_URI: z.string().min(1),
  MONGO_DB: z.string().min(1).default('zc_auth'),
  /**
   * API keys (digests only) live in a database of their own, on the same server: services that only
   * verify keys (the projection) are given this one and never the event store with sealed secrets.
   */
  KEYS_MONGO_DB: z.string().min(1).default('zc_keys'),
  ENCRYPTION_KEYS: z.string().min(1).describe('id:base64key,...; the first is active'),
  PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:8081'),
  /** The admin console; when set, people back from Zendesk's consent page land on their connector there. */
  CONSOLE_URL: z.url().optional(),
  /** Trusted deployment setting: every <account>.zendesk.com is served from this base URL (the simulator). */
  ZENDESK_HOST_OVERRIDE_URL: z.url().optional(),
  /**
   * Each Zendesk call (code exchange, Test now probes, refresh, revoke) fails with ZENDESK_TIMEOUT after
   * this long, so a Zendesk that stops answering cannot hold a request or the maintenance loop.
   */
  ZENDESK_REQUEST_TIMEOUT: envDurationMs().default(15_000),
  /**
   * Commands run against the store at once; the rest wait their turn in arrival order. The embedded
   * store has one writer: 50 writers at once left SQLite's busy-retry backoff to pick who waits, and a
   * few registrations waited seconds while others passed (register p99 1.2–2.2 s against 0.5–0.7 s
   * with 8 at once, same throughput; tools/bench/admin-api.bench.ts). On MongoDB it can be raised.
   */
  COMMAND_CONCURRENCY: positiveInt().default(8),
  ADMIN_BOOTSTRAP_KEY: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How often the token-maintenance loop looks at every connector. */
  TOKEN_MAINTENANCE_INTERVAL: envDurationMs().default(60_000),
  /**
   * Age at which a token without expiry is due for rotation (design §1.7: 6 months); written into each
   * token's `rotationDueAt` when it is issued, so it applies to tokens issued from then on.
   */
  TOKEN_ROTATION_AGE: envDurationMs().default(DEFAULT_TOKEN_ROTATION_AGE_MS),
  /** Life of an OAuth `state` between "authorize" and the callback. */
  OAUTH_STATE_TTL: envDurationMs().default(600_000),
  /** Admin API requests per key (or IP) per minute. */
  ADMIN_RATE_LIMIT_PER_MINUTE: positiveInt().default(600),
  OUTBOX_POLL_INTERVAL: envDurationMs().default(200),
  /** /readyz fails once the oldest unpublished connector event is older than this (a blip stays ready). */
  OUTBOX_STUCK_AFTER: envDurationMs().default(30_000),
});
export type AuthConfig = z.output<typeof AuthConfigSchema>;

export const loadConfig = (env: Env): AuthConfig => parseConfig(AuthConfigSchema, env);

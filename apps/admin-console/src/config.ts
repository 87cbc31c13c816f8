import { envDurationMs, envPort, parseConfig, secretString, type Env } from '@zc/config';
import { z } from 'zod';

/** Every setting of the admin console, parsed once by main.ts. */
export const ConsoleConfigSchema = z.object({
  PORT: envPort().default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the console calls the services; the browser never talks to them directly. */
  AUTH_SERVICE_URL: z.url().default('http://127.0.0.1:8081'),
  PROJECTION_SERVICE_URL: z.url().default('http://127.0.0.1:8083'),
  /** The auth service's public base URL, for the redirect URL shown before a connector exists. */
  AUTH_PUBLIC_BASE_URL: z.url().optional(),
  /** Trusted development setting, as in the other services: Zendesk's pages are served from here. */
  ZENDESK_HOST_OVERRIDE_URL: z.url().optional(),
  /**
   * Signs the session id cookie. Without it a random one is drawn at start: sessions live in this
   * process's memory, so a restart ends them either way, and no fixed default secret exists.
   */
  SESSION_SECRET: secretString(32).optional(),
  /** Idle sessions end after this long; each request extends it. */
  SESSION_TTL: envDurationMs().default(30 * 60_000),
  /** A session ends this long after sign-in, however busy (the live regions poll). */
  SESSION_MAX_AGE: envDurationMs().default(8 * 3_600_000),
  /** Where people reach the console; an https URL marks the session cookie Secure. */
  CONSOLE_PUBLIC_URL: z.url().optional(),
  /** Overrides what CONSOLE_PUBLIC_URL implies (`auto`). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Live regions refresh this often (the polling script reads it from the page). */
  POLL_INTERVAL: envDurationMs().default(2_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type ConsoleConfig = z.output<typeof ConsoleConfigSchema>;

export const loadConfig = (env: Env): ConsoleConfig => parseConfig(ConsoleConfigSchema, env);

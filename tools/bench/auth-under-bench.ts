import type { AddressInfo } from 'node:net';
import { AuthConfigSchema, createAuthRuntime } from '@zc/auth-service';
import { createLogger } from '@zc/http';
import { generateKeySpec } from '@zc/secrets';

export interface AuthUnderBenchOptions {
  readonly kafkaBrokers: readonly string[];
  readonly mongoUri: string;
  readonly db: string;
  /** Where API keys live; the service's default when not given. */
  readonly keysDb?: string;
  readonly adminKey: string;
}

/**
 * The auth service as the admin benches run it: listening on a free loopback port, without the token
 * loop, and with the general request limiter out of the way, so what is measured is the route itself
 * (or, for the flood bench, the failed-attempt guard, which has its own limits).
 */
export async function startAuthUnderBench(options: AuthUnderBenchOptions) {
  const config = AuthConfigSchema.parse({
    PORT: '0',
    KAFKA_BROKERS: options.kafkaBrokers.join(','),
    MONGO_URI: options.mongoUri,
    MONGO_DB: options.db,
    ...(options.keysDb === undefined ? {} : { KEYS_MONGO_DB: options.keysDb }),
    ENCRYPTION_KEYS: generateKeySpec('bench'),
    ADMIN_BOOTSTRAP_KEY: options.adminKey,
    ADMIN_RATE_LIMIT_PER_MINUTE: '10000000',
    LOG_LEVEL: 'warn',
  });
  const runtime = await createAuthRuntime({
    config,
    logger: createLogger({ serviceName: 'auth-service', level: 'warn' }),
    startTokenLoop: false,
  });
  await runtime.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = runtime.app.server.address() as AddressInfo;
  return { runtime, port };
}

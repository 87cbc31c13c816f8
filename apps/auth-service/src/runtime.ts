import { clearIntervalAsync, setIntervalAsync } from 'set-interval-async';
import { randomUUID } from 'node:crypto';
import { API_KEY_SCOPES, createApiKeyStore, type ApiKeyStore } from '@zc/api-keys';
import { brokerTopicName, brokerTopicSpecs, type ConnectorEvent } from '@zc/contracts';
import { createEventStore } from '@zc/event-store';
import { createOutboxRelay, type OutboxRelay } from '@zc/event-store';
import { createKafkaClient, createPublisher, ensureTopics, type KafkaLogger } from '@zc/kafka';
import { connectMongo, pingMongo, type MongoHandle } from '@zc/mongo';
import { parseKeyRing } from '@zc/secrets';
import type { Logger } from 'pino';
import { connectorEventsPort } from './adapters/connector-publisher';
import { registerOutboxMetrics, registerOutboxReadiness } from './adapters/outbox-metrics';
import { createConnectorClaims } from './adapters/connector-claims';
import { createConnectorRepository } from './adapters/connector-repository';
import { createOAuthStateStore } from './adapters/oauth-states';
import { createConnectionTestRuns } from './adapters/connection-test-runs';
import { moveLegacyApiKeys } from './adapters/legacy-api-keys';
import { createZendeskProvider } from './adapters/zendesk-provider';
import type { AuthDeps } from './application/deps';
import type { ConnectorClaims } from './application/ports/connector-claims';
import type { ConnectorRepository } from './application/ports/connector-repository';
import { maintainAllTokens, type MaintenanceResult } from './application/token-maintenance';
import { buildApp, type AuthApp } from './app';
import type { AuthConfig } from './config';

export interface AuthRuntimeOptions {
  config: AuthConfig;
  logger: Logger;
  now?: () => Date;
  /** Tests drive the maintenance pass themselves; main.ts runs it every TOKEN_MAINTENANCE_INTERVAL. */
  startTokenLoop?: boolean;
  /** Tests substitute their own key store (on the keys database). */
  apiKeyStore?: (keysMongo: MongoHandle) => ApiKeyStore;
}

export interface AuthRuntime extends AuthApp {
  deps: AuthDeps;
  mongo: MongoHandle;
  /** The database of API key digests only (KEYS_MONGO_DB), the one the projection may read. */
  keysMongo: MongoHandle;
  relay: OutboxRelay;
  connectorTopic: string;
  /** The generated bootstrap key, when this start created it (print it once). */
  generatedBootstrapKey: string | null;
  maintainTokens(): Promise<Map<string, MaintenanceResult>>;
  close(): Promise<void>;
}

/** Connects and wires every part of the service; the HTTP app is built but not listening. */
export async function createAuthRuntime(options: AuthRuntimeOptions): Promise<AuthRuntime> {
  const { config, logger } = options;
  const now = options.now ?? (() => new Date());
  const keyRing = parseKeyRing(config.ENCRYPTION_KEYS);
  const mongo = await connectMongo({ uri: config.MONGO_URI, dbName: config.MONGO_DB, appName: 'auth-service' });
  const keysMongo = await connectMongo({
    uri: config.MONGO_URI,
    dbName: config.KEYS_MONGO_DB,
    appName: 'auth-service',
  });
  const kafkaLogger: KafkaLogger = logger.child({ component: 'kafka' });
  const kafka = createKafkaClient({
    brokers: [...config.KAFKA_BROKERS],
    clientId: 'auth-service',
    logger: kafkaLogger,
  });
  const connectorTopic = brokerTopicName(config.KAFKA_TOPIC_PREFIX, 'connector.events');
  const topics = { prefix: config.KAFKA_TOPIC_PREFIX, partitions: config.KAFKA_TOPIC_PARTITIONS };
  await ensureTopics(kafka, brokerTopicSpecs(topics, { writes: ['connector.events'] }));
  const publisher = createPublisher(kafka);
  await publisher.connect();

  const store = await createEventStore<ConnectorEvent>({ mongo, now });
  const states = createOAuthStateStore(mongo.db);
  await states.ensureIndexes();
  const apiKeys = options.apiKeyStore?.(keysMongo) ?? createApiKeyStore(keysMongo.db, { now });
  await apiKeys.ensureIndexes();
  const moved = await moveLegacyApiKeys(mongo.db, keysMongo.db);
  if (moved > 0) logger.info({ moved, to: config.KEYS_MONGO_DB }, 'moved API keys out of the auth database');
  const generatedBootstrapKey = await ensureBootstrap(apiKeys, config.ADMIN_BOOTSTRAP_KEY);

  const repository = createConnectorRepository(store, undefined, { commandConcurrency: config.COMMAND_CONCURRENCY });
  const claims = createConnectorClaims(mongo.db);
  await claims.ensureIndexes();
  await claimExistingConnectors(claims, repository, now, logger);

  const deps: AuthDeps = {
    repository,
    claims,
    states,
    provider: createZendeskProvider({
      hostOverrideUrl: config.ZENDESK_HOST_OVERRIDE_URL,
      timeoutMs: config.ZENDESK_REQUEST_TIMEOUT,
    }),
    testRuns: createConnectionTestRuns(mongo.db),
    keyRing,
    apiKeys,
    now,
    newId: randomUUID,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    consoleUrl: config.CONSOLE_URL,
    oauthStateTtlMs: config.OAUTH_STATE_TTL,
    tokenRotationAgeMs: config.TOKEN_ROTATION_AGE,
  };
  const built = await buildApp(deps, { logger, rateLimitPerMinute: config.ADMIN_RATE_LIMIT_PER_MINUTE });
  built.app.registerReadinessCheck('mongo', async () => {
    if (!(await pingMongo(mongo))) throw new Error('mongo unreachable');
  });

  const relay = createOutboxRelay<ConnectorEvent>({
    store,
    publish: connectorEventsPort(publisher, connectorTopic),
    checkpointId: `auth-service:${connectorTopic}`,
    batchSize: 200,
    pollIntervalMs: config.OUTBOX_POLL_INTERVAL,
    logger: logger.child({ component: 'outbox-relay' }),
  });
  relay.start();
  registerOutboxMetrics(built.app, relay);
  registerOutboxReadiness(built.app, relay, config.OUTBOX_STUCK_AFTER);

  const maintainTokens = () => maintainAllTokens(deps);
  // One pass at a time: a pass slower than the interval (many connectors, a slow Zendesk) delays the
  // next instead of queueing passes behind it.
  const tokenLoop =
    options.startTokenLoop === false
      ? undefined
      : setIntervalAsync(async () => {
          await maintainTokens().catch((error: unknown) => logger.error({ err: error }, 'token maintenance failed'));
        }, config.TOKEN_MAINTENANCE_INTERVAL);

  return {
    ...built,
    deps,
    mongo,
    keysMongo,
    relay,
    connectorTopic,
    generatedBootstrapKey,
    maintainTokens,
    async close() {
      if (tokenLoop) await clearIntervalAsync(tokenLoop);
      await built.app.close();
      await relay.stop();
      await publisher.disconnect();
      await mongo.close();
      await keysMongo.close();
    },
  };
}

/** ADMIN_BOOTSTRAP_KEY when given; otherwise, only when no key exists at all, a generated one. */
async function ensureBootstrap(apiKeys: ApiKeyStore, presented: string | undefined): Promise<string | null> {
  if (presented !== undefined) {
    await apiKeys.ensureBootstrapKey(presented, API_KEY_SCOPES);
    return null;
  }
  if ((await apiKeys.list()).length > 0) return null;
  const created = await apiKeys.create({ name: 'bootstrap', scopes: [...API_KEY_SCOPES] });
  return created.presented;
}

/**
 * Connectors registered before claims existed get theirs on the first start that has them, so a
 * duplicate of one of them is refused too. Duplicates already present are logged, not undone.
 */
async function claimExistingConnectors(
  claims: ConnectorClaims,
  repository: ConnectorRepository,
  now: () => Date,
  logger: Logger,
): Promise<void> {
  if (!(await claims.isEmpty())) return;
  for (const state of await repository.loadAll()) {
    if (state.status === 'disconnected') continue;
    const result = await claims.claim(state, state.connectorId, now());
    if (!result.ok) {
      logger.warn(
        { connectorId: state.connectorId, existingConnectorId: result.holder.connectorId },
        'connector duplicates another for the same Zendesk account and client; disconnect one of them',
      );
    }
  }
}

import { randomUUID } from 'node:crypto';
import { connectClusterAdmin, createKafkaClient, createPublisher, ensureTopics, type ConsumerRunner } from '@zc/kafka';
import { connectMongo, pingMongo } from '@zc/mongo';
import { parseKeyRing } from '@zc/secrets';
import type { HttpApp } from '@zc/http';
import type { Logger } from 'pino';
import { createCollectionStore } from './adapters/collection-store';
import { createCollectorMetrics } from './adapters/collector-metrics';
import { startConnectorConsumer } from './adapters/connector-consumer';
import { createConnectorStore } from './adapters/connector-store';
import { createEventSink } from './adapters/event-publisher';
import { monitorPublishing, registerPublishingMetrics } from './adapters/publishing-monitor';
import { collectorTopicSpecs, topicNames } from './adapters/topics';
import { ZendeskAccess } from './adapters/zendesk-access';
import { buildCollectorApp } from './app';
import type { CollectorConfig } from './config';
import type { CollectionState } from './domain/collection-state';
import { publishingHealth } from './domain/publishing-health';
import { ConnectorWorker, type WorkerDeps } from './application/connector-worker';
import type { ConnectorDoc } from './application/ports';
import { Scheduler } from './application/runtime/scheduler';
import type { WorkerSettings } from './application/worker-settings';

export interface CollectorOptions {
  readonly config: CollectorConfig;
  readonly logger: Logger;
  readonly now?: () => number;
  /** Overrides for tests (progress cadence, failure threshold). */
  readonly settings?: Partial<WorkerSettings>;
}

export interface Collector {
  readonly app: HttpApp;
  readonly instanceId: string;
  readonly scheduler: Scheduler<CollectionState, ConnectorDoc>;
  readonly consumer: ConsumerRunner;
  /** Graceful: consumers, workers (leases released), HTTP app, producers, database. */
  stop(): Promise<void>;
  /** kill -9 stand-in for tests: workers stop dead, leases stay until they expire, nothing is released. */
  crash(): Promise<void>;
}

export function workerSettings(config: CollectorConfig, overrides: Partial<WorkerSettings> = {}): WorkerSettings {
  return {
    backfillDays: config.BACKFILL_DAYS,
    endLagMs: config.END_LAG,
    pollIntervalMs: config.POLL_INTERVAL,
    rescanWindowMs: config.RESCAN_WINDOW,
    roleCheckIntervalMs: config.ROLE_CHECK_INTERVAL,
    capabilityRetryMs: config.CAPABILITY_RETRY_INTERVAL,
    leaseTtlMs: config.LEASE_TTL,
    budgetWindowMs: config.BUDGET_WINDOW,
    incrementalPerMinute: config.INCREMENTAL_EXPORT_PER_MINUTE,
    inactivityThresholdMs: config.INACTIVITY_THRESHOLD,
    persistAfter: 5,
    progressEveryPages: 10,
    ...overrides,
  };
}

/** Wires one collector instance from its config; main.ts and the integration tests both use it. */
export async function startCollector(options: CollectorOptions): Promise<Collector> {
  const { config, logger } = options;
  const now = options.now ?? Date.now;
  const instanceId = config.INSTANCE_ID ?? `collector-${randomUUID().slice(0, 8)}`;
  const keyRing = parseKeyRing(config.ENCRYPTION_KEYS);
  const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
  const kafkaLogger = logger.child({ component: 'kafka' });
  const kafka = createKafkaClient({ brokers: [...config.KAFKA_BROKERS], clientId: instanceId, logger: kafkaLogger });
  await ensureTopics(kafka, collectorTopicSpecs(config.KAFKA_TOPIC_PREFIX, config.KAFKA_TOPIC_PARTITIONS));
  const mongo = await connectMongo({ uri: config.MONGO_URI, dbName: config.MONGO_DB, appName: 'collector-service' });
  const monitor = monitorPublishing(createPublisher(kafka), now);
  const publisher = monitor.publisher;
  await publisher.connect();
  const publishing = () => publishingHealth(monitor.observations(), now(), config.PUBLISH_BLOCKED_AFTER);
  const admin = await connectClusterAdmin(kafka);
  const connectors = await createConnectorStore(mongo);
  const collections = await createCollectionStore(mongo, { ttlMs: config.LEASE_TTL, now });

  const joined = { consumer: undefined as ConsumerRunner | undefined };
  const app = await buildCollectorApp({
    logger,
    instanceId,
    readiness: {
      kafka: async () => (await admin.brokerCount()) > 0,
      mongo: () => pingMongo(mongo),
      consumerJoined: () => joined.consumer?.isJoined() ?? false,
      publishing: () => {
        const { state, ...detail } = publishing();
        return { ready: state !== 'blocked', detail: { state, ...detail } };
      },
    },
    readCollection: async (connectorId) => ({
      connector: await connectors.get(connectorId),
      collection: await collections.load(connectorId),
    }),
  });
  registerPublishingMetrics(app.metrics, monitor, publishing);
  const override = config.ZENDESK_HOST_OVERRIDE_URL;
  const metrics = createCollectorMetrics(app.metrics);
  const deps: WorkerDeps = {
    instanceId,
    connectors,
    collections,
    sink: createEventSink({ publisher, topics, now, newId: randomUUID }),
    openZendesk: (session) =>
      new ZendeskAccess({
        ...session,
        instanceId,
        keyRing,
        // Trusted deployment setting: every account is served from the override (the simulator).
        hostMap: (endpoint) => (override === undefined ? {} : { [endpoint]: override }),
        metrics,
        now,
      }),
    metrics,
    logger: logger.child({ component: 'worker' }),
    settings: workerSettings(config, options.settings),
    now,
  };
  const scheduler = new Scheduler<CollectionState, ConnectorDoc>({
    instanceId,
    leaseTtlMs: config.LEASE_TTL,
    now,
    connectors,
    collections,
    createWorker: (lease, view) => new ConnectorWorker(deps, lease, view),
    maxConnectors: config.MAX_CONNECTORS_PER_INSTANCE,
    tickMs: Math.max(200, Math.floor(config.LEASE_TTL / 3)),
    logger: kafkaLogger,
  });
  const consumer = await startConnectorConsumer({
    client: kafka,
    groupId: config.CONSUMER_GROUP,
    topic: topics['connector.events'],
    store: connectors,
    logger: kafkaLogger,
    onChanged: (connectorId, partition) => scheduler.notify(connectorId, partition),
    onDeadLetter: (ok) => monitor.deadLetterWritten(ok),
  });
  joined.consumer = consumer;
  scheduler.start();

  const closeInfra = async () => {
    await Promise.allSettled([publisher.disconnect(), admin.disconnect()]);
    await mongo.close();
  };
  return {
    app,
    instanceId,
    scheduler,
    consumer,
    async stop() {
      await consumer.stop();
      await scheduler.stop();
      await app.close();
      await closeInfra();
    },
    async crash() {
      scheduler.crash();
      await Promise.allSettled([consumer.stop()]);
      await app.close();
      await closeInfra();
    },
  };
}

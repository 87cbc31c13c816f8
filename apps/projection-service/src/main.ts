import { createApiKeyStore } from '@zc/api-keys';
import { parseConfig } from '@zc/config';
import { closeOnSignals, createLogger } from '@zc/http';
import { connectMongo } from '@zc/mongo';
import { ProjectionConfig, projectionDatabases } from './config';
import { startProjectionService } from './runtime';

const config = parseConfig(ProjectionConfig, process.env);
const logger = createLogger({ serviceName: 'projection-service', level: config.LOG_LEVEL });

const databases = projectionDatabases(config);
const mongo = await connectMongo({ ...databases.views, appName: 'projection-service' });
// Key digests only: this handle (and its credentials) never reaches the auth service's event store.
const keysMongo = await connectMongo({ ...databases.apiKeys, appName: 'projection-service' });
const apiKeys = createApiKeyStore(keysMongo.db);

const service = await startProjectionService({
  kafkaBrokers: config.KAFKA_BROKERS,
  naming: { prefix: config.KAFKA_TOPIC_PREFIX },
  partitions: config.KAFKA_TOPIC_PARTITIONS,
  groupId: config.CONSUMER_GROUP,
  consumer: {
    sessionTimeout: config.CONSUMER_SESSION_TIMEOUT,
    maxBatchSize: config.CONSUMER_MAX_BATCH_SIZE,
    partitionsConsumedConcurrently: config.CONSUMER_PARTITIONS_CONCURRENTLY,
  },
  mongo,
  verifyApiKey: (presented) => apiKeys.verify(presented),
  activityRetentionMs: config.ACTIVITY_RETENTION,
  retentionIntervalMs: config.RETENTION_INTERVAL,
  statusSweepIntervalMs: config.STATUS_SWEEP_INTERVAL,
  lag: { extraGroups: config.LAG_GROUPS, intervalMs: config.LAG_INTERVAL },
  activityLimits: {
    queryTimeLimitMs: config.QUERY_TIME_LIMIT,
    exportTimeLimitMs: config.EXPORT_TIME_LIMIT,
    maxConcurrent: config.QUERY_CONCURRENCY,
    maxQueued: config.QUERY_QUEUE,
    maxExports: config.EXPORT_CONCURRENCY,
  },
  now: () => new Date(),
  logger,
});

closeOnSignals(service.app, [() => service.stop(), () => mongo.close(), () => keysMongo.close()]);
const address = await service.app.listen({ port: config.PORT, host: config.HOST });
logger.info({ address }, `projection-service listening on ${address}`);

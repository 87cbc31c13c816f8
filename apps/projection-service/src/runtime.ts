import { TOPIC_NAMES } from '@zc/contracts';
import type { HttpApp, VerifyApiKey } from '@zc/http';
import { createKafkaClient, ensureTopics, type ConsumerRunner, type ConsumerTuning, type KafkaLogger } from '@zc/kafka';
import { pingMongo, type MongoHandle } from '@zc/mongo';
import type { Logger } from 'pino';
import { startProjectionConsumer } from './adapters/consumer';
import { backfillEnds } from './adapters/backfill-ends';
import { projectionMetrics } from './adapters/projection-metrics';
import { createProjector } from './adapters/projector';
import { startRetentionJob } from './adapters/retention-job';
import { statusDocumentAt } from './domain/status-document';
import { startStatusSweep } from './adapters/status-sweep';
import { topicSpecs, type TopicNaming } from './adapters/topics';
import { ensureUserParts } from './adapters/user-store';
import { ensureViewIndexes, statusCollections, userCollections, viewAliases } from './adapters/view-collections';
import { VIEW_NAMES } from './domain/view-names';
import { viewQueries } from './adapters/view-queries';
import { buildApp } from './app';
import type { ActivityRouteLimits } from './http/activity-routes';
import { startLagMonitoring } from './adapters/lag-monitoring';

export interface ProjectionServiceOptions {
  kafkaBrokers: string[];
  naming: TopicNaming;
  partitions: number;
  groupId: string;
  mongo: MongoHandle;
  verifyApiKey: VerifyApiKey;
  activityRetentionMs: number;
  retentionIntervalMs: number;
  /** How often stalls (a silent collector) are stored as transitions; reads see them at once regardless. */
  statusSweepIntervalMs?: number;
  now: () => Date;
  logger: Logger;
  kafkaLogger?: KafkaLogger;
  maxWaitTimeInMs?: number;
  /** Consumer session timeout, batch size and the like (the runner's defaults otherwise). */
  consumer?: ConsumerTuning;
  /** Consumer-lag monitoring of this service's group and the named others (GET /v1/lag, kafka_consumergroup_*). */
  lag?: { extraGroups: string[]; intervalMs: number };
  activityLimits?: Partial<ActivityRouteLimits>;
}

export interface ProjectionService {
  app: HttpApp;
  runner: ConsumerRunner;
  /** Stops consuming and the retention timer; the app is closed by its owner. */
  stop(): Promise<void>;
}

/** Wires topics, views, the consumer, retention and the query API; main.ts and tests share it. */
export async function startProjectionService(options: ProjectionServiceOptions): Promise<ProjectionService> {
  const { mongo, naming, now } = options;
  const kafkaLogger = options.kafkaLogger ?? options.logger;
  const client = createKafkaClient({ brokers: options.kafkaBrokers, clientId: options.groupId, logger: kafkaLogger });
  await ensureTopics(client, topicSpecs(naming, TOPIC_NAMES, options.partitions));
  const aliases = viewAliases(mongo);
  for (const view of VIEW_NAMES) await ensureViewIndexes(mongo, view, await aliases.version(view));
  await ensureUserParts(userCollections(mongo, await aliases.version('users')));

  // Readiness asks for the runner, which starts after the app exists.
  const consumer: { runner?: ConsumerRunner } = {};
  const app = await buildApp({
    queries: viewQueries(mongo, aliases),
    verifyApiKey: options.verifyApiKey,
    now,
    logger: options.logger,
    ...(options.activityLimits === undefined ? {} : { activityLimits: options.activityLimits }),
    readiness: { mongo: () => pingMongo(mongo), consumer: () => consumer.runner?.isJoined() ?? false },
  });
  const metrics = projectionMetrics(
    app.metrics,
    async () =>
      statusCollections(mongo, await aliases.version('status'))
        .status.find()
        .toArray()
        .then((docs) => docs.map((doc) => statusDocumentAt(doc, now()))),
    backfillEnds(async (connectorId) => {
      const { status } = statusCollections(mongo, await aliases.version('status'));
      return status.findOne({ _id: connectorId });
    }, now),
  );
  const projector = createProjector({
    mongo,
    views: new Set(VIEW_NAMES),
    versionOf: (view) => aliases.version(view),
    now,
    activityRetentionMs: options.activityRetentionMs,
    onActivitiesInserted: (docs, writtenAt) => void metrics.observeInserted(docs, writtenAt),
  });
  const runner = await startProjectionConsumer({
    client,
    groupId: options.groupId,
    naming,
    topics: TOPIC_NAMES,
    projector,
    logger: kafkaLogger,
    ...(options.maxWaitTimeInMs === undefined ? {} : { maxWaitTimeInMs: options.maxWaitTimeInMs }),
    ...(options.consumer === undefined ? {} : { tuning: options.consumer }),
  });
  const retention = startRetentionJob({
    mongo,
    aliases,
    retentionMs: options.activityRetentionMs,
    intervalMs: options.retentionIntervalMs,
    now,
    log: options.logger,
  });
  const sweep = startStatusSweep({
    mongo,
    aliases,
    intervalMs: options.statusSweepIntervalMs ?? 5_000,
    now,
    log: options.logger,
  });
  consumer.runner = runner;
  const lag = options.lag
    ? await startLagMonitoring(
        app,
        client,
        [options.groupId, ...options.lag.extraGroups],
        options.lag.intervalMs,
        kafkaLogger,
      )
    : undefined;
  return {
    app,
    runner,
    async stop() {
      await lag?.stop();
      await sweep.stop();
      await retention.stop();
      await runner.stop();
    },
  };
}

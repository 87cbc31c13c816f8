import { connectClusterAdmin, type KafkaClient, type KafkaLogger } from '@zc/kafka';
import type { MongoHandle } from '@zc/mongo';
import type { RebuildPorts } from '../application/rebuild-view';
import { startProjectionConsumer } from './consumer';
import { createProjector, TOPICS_OF_VIEW } from './projector';
import { physicalTopic, type TopicNaming } from './topics';
import { dropViewVersion, ensureViewIndexes, viewAliases } from './view-collections';
import type { ViewName } from '../domain/view-names';

export interface RebuildAdapterOptions {
  client: KafkaClient;
  mongo: MongoHandle;
  naming: TopicNaming;
  activityRetentionMs: number;
  now: () => Date;
  logger: KafkaLogger;
}

/** The rebuild's ports over Kafka and the views; `close` releases the admin connection. */
export async function rebuildPorts(options: RebuildAdapterOptions): Promise<RebuildPorts & { close(): Promise<void> }> {
  const { client, mongo, naming } = options;
  const topicsOf = (view: ViewName) => TOPICS_OF_VIEW[view].map((topic) => physicalTopic(naming, topic));
  const admin = await connectClusterAdmin(client);
  return {
    aliases: viewAliases(mongo),
    async prepareVersion(view, version) {
      await dropViewVersion(mongo, view, version);
      await ensureViewIndexes(mongo, view, version);
    },
    async startProjection(view, version, groupId) {
      const projector = createProjector({
        mongo,
        views: new Set([view]),
        versionOf: () => Promise.resolve(version),
        now: options.now,
        activityRetentionMs: options.activityRetentionMs,
      });
      return startProjectionConsumer({
        client,
        groupId,
        naming,
        topics: TOPICS_OF_VIEW[view],
        projector,
        logger: options.logger,
        maxWaitTimeInMs: 500,
      });
    },
    lag: (groupId, view) => admin.consumerLag([groupId], { topics: topicsOf(view) }),
    async endOffsets(view) {
      const ends = new Map<string, number>();
      for (const topic of topicsOf(view)) {
        for (const [partition, end] of await admin.logEndOffsets(topic)) ends.set(`${topic}/${String(partition)}`, end);
      }
      return ends;
    },
    close: () => admin.disconnect(),
  };
}

import { connectClusterAdmin, type KafkaClient, type KafkaLogger, type PartitionLag } from '@zc/kafka';
import type { MongoHandle } from '@zc/mongo';
import { startProjectionConsumer } from '../adapters/consumer';
import { createProjector, TOPICS_OF_VIEW } from '../adapters/projector';
import { physicalTopic, type TopicNaming } from '../adapters/topics';
import { dropViewVersion, ensureViewIndexes, viewAliases, type ViewName } from '../adapters/view-collections';

export interface RebuildProgress {
  phase: 'catching-up' | 'draining-after-switch' | 'done';
  consumed: number;
  total: number;
  /** Seconds left at the current rate; null until there is a rate. */
  etaSeconds: number | null;
}

export interface RebuildOptions {
  client: KafkaClient;
  mongo: MongoHandle;
  naming: TopicNaming;
  view: ViewName;
  activityRetentionMs: number;
  now: () => Date;
  logger: KafkaLogger;
  onProgress?: (progress: RebuildProgress) => void;
  pollIntervalMs?: number;
}

export interface RebuildResult {
  view: ViewName;
  fromVersion: number;
  toVersion: number;
  groupId: string;
  events: number;
}

const sum = (rows: PartitionLag[], pick: (row: PartitionLag) => number) =>
  rows.reduce((total, row) => total + pick(row), 0);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Blue-green rebuild: projects the view's topics from the beginning, with a fresh consumer group, into
 * the next version of its collections; once caught up it switches the alias (the API and the live
 * consumer follow at their next read), then drains to the end offsets taken after the switch, so
 * whatever the live consumer wrote to the old version meanwhile is in the new one too.
 */
export async function rebuildView(options: RebuildOptions): Promise<RebuildResult> {
  const { mongo, view, naming } = options;
  const aliases = viewAliases(mongo);
  const fromVersion = await aliases.version(view);
  const toVersion = fromVersion + 1;
  await dropViewVersion(mongo, view, toVersion);
  await ensureViewIndexes(mongo, view, toVersion);

  const topics = TOPICS_OF_VIEW[view].map((topic) => physicalTopic(naming, topic));
  const groupId = `projection-rebuild-${view}-v${String(toVersion)}-${String(options.now().getTime())}`;
  const projector = createProjector({
    mongo,
    views: new Set([view]),
    versionOf: () => Promise.resolve(toVersion),
    now: options.now,
    activityRetentionMs: options.activityRetentionMs,
  });
  const runner = await startProjectionConsumer({
    client: options.client,
    groupId,
    naming,
    topics: TOPICS_OF_VIEW[view],
    projector,
    logger: options.logger,
    maxWaitTimeInMs: 500,
  });

  const admin = await connectClusterAdmin(options.client);
  const startedAt = Date.now();
  const lag = () => admin.consumerLag([groupId], { topics });
  const report = (phase: RebuildProgress['phase'], rows: PartitionLag[], ends?: Map<string, number>) => {
    const total = sum(
      rows,
      (row) => (ends?.get(`${row.topic}/${String(row.partition)}`) ?? row.highWatermark) - row.lowWatermark,
    );
    const remaining = sum(rows, (row) =>
      Math.max(
        0,
        (ends?.get(`${row.topic}/${String(row.partition)}`) ?? row.highWatermark) -
          Math.max(row.committedOffset, row.lowWatermark),
      ),
    );
    const consumed = total - remaining;
    const rate = consumed / Math.max(0.001, (Date.now() - startedAt) / 1_000);
    options.onProgress?.({ phase, consumed, total, etaSeconds: rate > 0 ? remaining / rate : null });
    return remaining;
  };
  try {
    for (;;) {
      if (report('catching-up', await lag()) === 0) break;
      await wait(options.pollIntervalMs ?? 500);
    }
    await aliases.switchTo(view, toVersion, options.now());
    // Anything the live consumer fetched before it saw the switch is below these offsets.
    const ends = new Map<string, number>();
    for (const topic of topics) {
      for (const [partition, end] of await admin.logEndOffsets(topic)) ends.set(`${topic}/${String(partition)}`, end);
    }
    for (;;) {
      if (report('draining-after-switch', await lag(), ends) === 0) break;
      await wait(options.pollIntervalMs ?? 500);
    }
    const rows = await lag();
    report('done', rows, ends);
    return { view, fromVersion, toVersion, groupId, events: sum(rows, (row) => row.highWatermark - row.lowWatermark) };
  } finally {
    await admin.disconnect();
    await runner.stop();
  }
}

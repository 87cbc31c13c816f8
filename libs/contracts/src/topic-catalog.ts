import { z } from 'zod';
import { eventTypesOf, type EventType } from './event-registry';
import { brokerTopicName, dlqTopicName, type TopicName } from './topic-names';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_PARTITIONS = 6;
export const DEFAULT_ACTIVITY_RETENTION_MS = 30 * DAY_MS;
/** Kafka's `retention.ms` for "keep forever". */
export const RETAIN_FOREVER = -1;
/** "Long" in design §3: a year of status history and of failed messages to inspect or replay. */
export const LONG_RETENTION_MS = 365 * DAY_MS;

export const TopicCatalogOptions = z.object({
  partitions: z.int().positive().optional(),
  activityRetentionMs: z
    .int()
    .refine((ms) => ms === RETAIN_FOREVER || ms > 0, 'a positive number of ms, or -1 for forever')
    .optional(),
});
export type TopicCatalogOptions = z.input<typeof TopicCatalogOptions>;

export type TopicRetention = { cleanupPolicy: 'delete'; retentionMs: number } | { cleanupPolicy: 'compact' };

/** Every DLQ's: never compacted (each failed message stays inspectable), kept "long" for replay. */
export const DLQ_RETENTION = {
  cleanupPolicy: 'delete',
  retentionMs: LONG_RETENTION_MS,
} as const satisfies TopicRetention;

export interface TopicKey {
  readonly kind: 'connectorId' | 'connectorId:userId';
  readonly description: string;
}

export interface DlqTopicSpec {
  readonly name: `${TopicName}.dlq`;
  /**
   * Always the source topic's count. Dead letters keep the source key, so with the same count a key
   * lands on the same partition number as in its source: partition p holds the failed messages of
   * source partition p in their order, which is what a replay needs, and the DLQ is as parallel as its
   * source. (libs/kafka's dead-letter writer, creating a missing DLQ, counts the source's partitions.)
   */
  readonly partitions: number;
  /** Never compacted, even for a compacted source: every failed message must stay inspectable. */
  readonly retention: TopicRetention;
}

export interface TopicSpec {
  readonly name: TopicName;
  readonly description: string;
  readonly key: TopicKey;
  readonly partitions: number;
  readonly retention: TopicRetention;
  readonly eventTypes: readonly EventType[];
  readonly dlq: DlqTopicSpec;
}

const BY_CONNECTOR: TopicKey = {
  kind: 'connectorId',
  description: 'connectorId, so each connector stream stays ordered in one partition',
};

/** The topics of design §3 as data, for provisioning, consumers and docs. Throws ZodError on bad options. */
export function topicCatalog(options: TopicCatalogOptions = {}): readonly TopicSpec[] {
  const parsed = TopicCatalogOptions.parse(options);
  const partitions = parsed.partitions ?? DEFAULT_PARTITIONS;
  const activityRetentionMs = parsed.activityRetentionMs ?? DEFAULT_ACTIVITY_RETENTION_MS;
  const spec = (name: TopicName, description: string, key: TopicKey, retention: TopicRetention): TopicSpec => ({
    name,
    description,
    key,
    partitions,
    retention,
    eventTypes: eventTypesOf(name),
    dlq: {
      name: dlqTopicName(name),
      partitions, // the source's: see DlqTopicSpec.partitions
      retention: DLQ_RETENTION,
    },
  });
  return [
    spec('connector.events', 'Connector lifecycle; the log of record', BY_CONNECTOR, {
      cleanupPolicy: 'delete',
      retentionMs: RETAIN_FOREVER,
    }),
    spec('collection.events', 'Collector progress, coverage and capability health', BY_CONNECTOR, {
      cleanupPolicy: 'delete',
      retentionMs: LONG_RETENTION_MS,
    }),
    spec('zendesk.activities', 'Zendesk audit-log activities', BY_CONNECTOR, {
      cleanupPolicy: 'delete',
      retentionMs: activityRetentionMs,
    }),
    spec(
      'zendesk.users',
      'Latest snapshot of each Zendesk user',
      {
        kind: 'connectorId:userId',
        description: '`<connectorId>:<userId>`, so compaction keeps one snapshot per user',
      },
      { cleanupPolicy: 'compact' },
    ),
  ];
}

/** A topic as the broker must hold it, under its broker name; libs/kafka's `ensureTopics` takes this shape. */
export interface BrokerTopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** Kafka's `retention.ms` (RETAIN_FOREVER: -1); absent on a compacted topic. */
  readonly retentionMs?: number;
  readonly compacted?: boolean;
}

/** What one service does with the catalog's topics. */
export interface TopicUse {
  readonly writes?: readonly TopicName[];
  readonly reads?: readonly TopicName[];
}

export type ProvisioningOptions = TopicCatalogOptions & {
  /** Broker names are `<prefix><topic>`, so stacks and test files share a broker without sharing topics. */
  readonly prefix: string;
};

const brokerRetention = (retention: TopicRetention): Pick<BrokerTopicSpec, 'retentionMs' | 'compacted'> =>
  retention.cleanupPolicy === 'compact' ? { compacted: true } : { retentionMs: retention.retentionMs };

/**
 * The topics a service provisions at start: each one it writes or reads, and the DLQ of each it reads
 * (its consumer runner sets failed messages aside there). Every service derives its list from here.
 */
export function brokerTopicSpecs(options: ProvisioningOptions, use: TopicUse): BrokerTopicSpec[] {
  const reads = new Set(use.reads ?? []);
  const wanted = new Set([...(use.writes ?? []), ...reads]);
  return topicCatalog(options)
    .filter((spec) => wanted.has(spec.name))
    .flatMap((spec) => {
      const topic = { name: brokerTopicName(options.prefix, spec.name), partitions: spec.partitions };
      const source: BrokerTopicSpec = { ...topic, ...brokerRetention(spec.retention) };
      if (!reads.has(spec.name)) return [source];
      const dlq = { name: brokerTopicName(options.prefix, spec.dlq.name), partitions: spec.dlq.partitions };
      return [source, { ...dlq, ...brokerRetention(spec.dlq.retention) }];
    });
}

import { z } from 'zod';
import { eventTypesOf, type EventType } from './event-registry';
import { dlqTopicName, type TopicName } from './topic-names';

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

export interface TopicKey {
  readonly kind: 'connectorId' | 'connectorId:userId';
  readonly description: string;
}

export interface DlqTopicSpec {
  readonly name: `${TopicName}.dlq`;
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
      partitions,
      retention: { cleanupPolicy: 'delete', retentionMs: LONG_RETENTION_MS },
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

/** The topic-level Kafka configuration entries for a retention, as Kafka names them. */
export function kafkaTopicConfig(retention: TopicRetention): Record<string, string> {
  return retention.cleanupPolicy === 'compact'
    ? { 'cleanup.policy': 'compact' }
    : { 'cleanup.policy': 'delete', 'retention.ms': String(retention.retentionMs) };
}

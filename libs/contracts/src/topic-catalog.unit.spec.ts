import { describe, expect, it } from 'vitest';
import { allEventDefinitions } from './event-registry';
import { DEFAULT_ACTIVITY_RETENTION_MS, kafkaTopicConfig, RETAIN_FOREVER, topicCatalog } from './topic-catalog';

const byName = (catalog: ReturnType<typeof topicCatalog>) => new Map(catalog.map((spec) => [spec.name, spec]));

describe('topicCatalog', () => {
  it('lists the topics of design §3 with their defaults', () => {
    const topics = byName(topicCatalog());
    expect([...topics.keys()]).toEqual([
      'connector.events',
      'collection.events',
      'zendesk.activities',
      'zendesk.users',
    ]);
    expect([...topics.values()].every((spec) => spec.partitions === 6 && spec.dlq.partitions === 6)).toBe(true);
    expect(topics.get('connector.events')?.retention).toEqual({ cleanupPolicy: 'delete', retentionMs: RETAIN_FOREVER });
    expect(topics.get('zendesk.activities')?.retention).toEqual({
      cleanupPolicy: 'delete',
      retentionMs: DEFAULT_ACTIVITY_RETENTION_MS,
    });
    expect(topics.get('zendesk.users')?.retention).toEqual({ cleanupPolicy: 'compact' });
    expect(topics.get('zendesk.users')?.key.kind).toBe('connectorId:userId');
  });

  it('names a DLQ per topic that is never compacted', () => {
    for (const spec of topicCatalog()) {
      expect(spec.dlq.name).toBe(`${spec.name}.dlq`);
      expect(spec.dlq.retention.cleanupPolicy).toBe('delete');
    }
  });

  it('places every event type on exactly one topic', () => {
    const placed = topicCatalog().flatMap((spec) => spec.eventTypes);
    expect(placed.sort()).toEqual([...new Set(allEventDefinitions().map((d) => d.type))].sort());
  });

  it('takes partitions and activity retention from the caller', () => {
    const topics = byName(topicCatalog({ partitions: 12, activityRetentionMs: 86_400_000 }));
    expect(topics.get('collection.events')?.partitions).toBe(12);
    expect(topics.get('zendesk.activities')?.retention).toEqual({ cleanupPolicy: 'delete', retentionMs: 86_400_000 });
  });

  it.each([{ partitions: 0 }, { partitions: 1.5 }, { activityRetentionMs: 0 }, { activityRetentionMs: -2 }])(
    'rejects nonsense options %o',
    (options) => {
      expect(() => topicCatalog(options)).toThrow();
    },
  );

  it('renders retention as Kafka topic config', () => {
    expect(kafkaTopicConfig({ cleanupPolicy: 'delete', retentionMs: -1 })).toEqual({
      'cleanup.policy': 'delete',
      'retention.ms': '-1',
    });
    expect(kafkaTopicConfig({ cleanupPolicy: 'compact' })).toEqual({ 'cleanup.policy': 'compact' });
  });
});

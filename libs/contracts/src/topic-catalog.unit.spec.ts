import { describe, expect, it } from 'vitest';
import { allEventDefinitions } from './event-registry';
import {
  brokerTopicSpecs,
  DEFAULT_ACTIVITY_RETENTION_MS,
  LONG_RETENTION_MS,
  RETAIN_FOREVER,
  topicCatalog,
} from './topic-catalog';
import { brokerTopicName, dlqBrokerTopicName, dlqTopicName, TOPIC_NAMES } from './topic-names';

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

  it('gives every DLQ the partition count of its source topic', () => {
    for (const partitions of [1, 2, 6, 12]) {
      for (const spec of topicCatalog({ partitions })) expect(spec.dlq.partitions).toBe(spec.partitions);
    }
  });
});

describe('brokerTopicSpecs', () => {
  const options = { prefix: 'stack-1.', partitions: 3 };

  it('provisions what a service writes and reads, and a DLQ for each topic it reads', () => {
    const specs = brokerTopicSpecs(options, {
      writes: ['collection.events', 'zendesk.activities', 'zendesk.users'],
      reads: ['connector.events'],
    });
    expect(specs).toEqual([
      { name: 'stack-1.connector.events', partitions: 3, retentionMs: RETAIN_FOREVER },
      { name: 'stack-1.connector.events.dlq', partitions: 3, retentionMs: LONG_RETENTION_MS },
      { name: 'stack-1.collection.events', partitions: 3, retentionMs: LONG_RETENTION_MS },
      { name: 'stack-1.zendesk.activities', partitions: 3, retentionMs: DEFAULT_ACTIVITY_RETENTION_MS },
      { name: 'stack-1.zendesk.users', partitions: 3, compacted: true },
    ]);
  });

  it('gives a writer no DLQ, and a topic both written and read one DLQ', () => {
    expect(brokerTopicSpecs(options, { writes: ['connector.events'] }).map((spec) => spec.name)).toEqual([
      'stack-1.connector.events',
    ]);
    const both = brokerTopicSpecs(options, { writes: ['zendesk.users'], reads: ['zendesk.users'] });
    // A compacted source's DLQ is not compacted: every failed message stays inspectable.
    expect(both).toEqual([
      { name: 'stack-1.zendesk.users', partitions: 3, compacted: true },
      { name: 'stack-1.zendesk.users.dlq', partitions: 3, retentionMs: LONG_RETENTION_MS },
    ]);
  });
});

describe('DLQ names', () => {
  it('are the same whether the writer derives them from the source broker name or the catalog from the topic', () => {
    for (const topic of TOPIC_NAMES) {
      const fromSource = dlqBrokerTopicName(brokerTopicName('stack-1.', topic));
      expect(fromSource).toBe(brokerTopicName('stack-1.', dlqTopicName(topic)));
    }
  });
});

import { afterAll, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '@zc/testing';
import { driverOf } from './client';
import { testClient, topicConfigOf } from './int-test-support';
import { ensureTopics } from './topics';

describe('ensureTopics', () => {
  const client = testClient(inject('kafkaBrokers'), 'topics-spec');
  const admin = driverOf(client).admin();
  afterAll(() => admin.disconnect());

  it('creates missing topics with their configs and a leader on every partition', async () => {
    const forever = uniqueName(import.meta.url, 'forever');
    const compacted = uniqueName(import.meta.url, 'compacted');
    await ensureTopics(client, [
      { name: forever, partitions: 3, retentionMs: -1 },
      { name: compacted, partitions: 2, compacted: true },
    ]);

    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: [forever, compacted] });
    const partitions = Object.fromEntries(metadata.topics.map((t) => [t.name, t.partitions]));
    expect(partitions[forever]).toHaveLength(3);
    expect(partitions[compacted]).toHaveLength(2);
    expect(metadata.topics.flatMap((t) => t.partitions).every((p) => p.leader >= 0)).toBe(true);

    expect(await topicConfigOf(client, forever, 'retention.ms')).toBe('-1');
    expect(await topicConfigOf(client, compacted, 'cleanup.policy')).toBe('compact');
  });

  it('is idempotent, also when several callers race', async () => {
    const name = uniqueName(import.meta.url, 'raced');
    const spec = [{ name, partitions: 4 }];
    await Promise.all([ensureTopics(client, spec), ensureTopics(client, spec), ensureTopics(client, spec)]);
    await ensureTopics(client, spec);

    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: [name] });
    expect(metadata.topics[0]?.partitions).toHaveLength(4);
  });
});

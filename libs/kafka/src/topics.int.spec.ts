import { ConfigResourceTypes } from 'kafkajs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '@zc/testing';
import { driverOf } from './client';
import { testClient } from './int-test-support';
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

    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: forever, configNames: ['retention.ms'] },
        { type: ConfigResourceTypes.TOPIC, name: compacted, configNames: ['cleanup.policy'] },
      ],
    });
    const values = configs.resources.flatMap((r) => r.configEntries.map((e) => `${r.resourceName}:${e.configValue}`));
    expect(values).toEqual(expect.arrayContaining([`${forever}:-1`, `${compacted}:compact`]));
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

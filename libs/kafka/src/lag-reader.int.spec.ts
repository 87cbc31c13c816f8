import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lagMessages } from '@zc/lag-monitor';
import { uniqueName, waitFor } from '@zc/testing';
import { driverOf } from './client';
import { runConsumer } from './consumer-runner';
import { event, testClient } from './int-test-support';
import { readConsumerLag } from './lag-reader';
import { createPublisher } from './publisher';
import { ensureTopics } from './topics';

describe('readConsumerLag', () => {
  const client = testClient(inject('kafkaBrokers'), 'lag-spec');
  const admin = driverOf(client).admin();
  const publisher = createPublisher(client);
  const topic = uniqueName(import.meta.url, 'topic');
  const groupId = uniqueName(import.meta.url, 'group');

  beforeAll(async () => {
    await Promise.all([admin.connect(), publisher.connect()]);
    await ensureTopics(client, [{ name: topic, partitions: 3 }]);
  });
  afterAll(async () => {
    await Promise.all([admin.disconnect(), publisher.disconnect()]);
  });

  it('matches the offsets and watermarks the admin API reports, and shows no lag on idle partitions', async () => {
    // Keys spread over partitions; one partition may stay empty, which must read as lag 0.
    await publisher.publish(
      topic,
      Array.from({ length: 12 }, (_, n) => event(`key-${String(n % 2)}`, { n })),
    );
    let consumed = 0;
    const runner = await runConsumer({
      client,
      groupId,
      topics: [topic],
      parse: () => null,
      handleBatch: (items) => {
        consumed += items.length;
        return Promise.resolve();
      },
      retry: { maxAttempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 },
      logger: client.logger,
      maxWaitTimeInMs: 500,
    });
    await waitFor(() => consumed === 12, { description: '12 consumed' });
    await runner.stop();
    // A stopped group keeps reporting: the new messages show up as lag.
    await publisher.publish(
      topic,
      Array.from({ length: 7 }, (_, n) => event(`key-${String(n % 2)}`, { n })),
    );

    const lag = await readConsumerLag(admin, [groupId]);
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    const watermarks = await admin.fetchTopicOffsets(topic);

    expect(lag).toHaveLength(3);
    for (const row of lag) {
      const commit = committed[0]?.partitions.find((p) => p.partition === row.partition);
      const marks = watermarks.find((w) => w.partition === row.partition);
      expect(row).toMatchObject({ groupId, topic, committedOffset: Number(commit?.offset) });
      expect(row.highWatermark).toBe(Number(marks?.high));
      expect(row.lowWatermark).toBe(Number(marks?.low));
      expect(row.lagMessages).toBe(lagMessages(row.committedOffset, row.highWatermark, row.lowWatermark));
      if (row.highWatermark === 0) expect(row.lagMessages).toBe(0);
    }
    expect(lag.reduce((sum, row) => sum + row.lagMessages, 0)).toBe(7);
  });

  it('reports nothing for an unknown group, and the whole backlog for named topics it never committed on', async () => {
    const idle = uniqueName(import.meta.url, 'idle');
    expect(await readConsumerLag(admin, [idle])).toEqual([]);

    const lag = await readConsumerLag(admin, [idle], { topics: [topic] });
    expect(lag.map((row) => row.committedOffset)).toEqual([-1, -1, -1]);
    expect(lag.reduce((sum, row) => sum + row.lagMessages, 0)).toBe(19);
  });
});

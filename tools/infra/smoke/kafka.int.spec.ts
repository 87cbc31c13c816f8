import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueName, waitFor } from '@zc/testing';

// Proves kafkajs 2.2.4 speaks to the provisioned Kafka 4.1 broker: admin, produce, group consume, offsets.
describe('kafkajs against the provisioned broker', () => {
  const kafka = new Kafka({ brokers: inject('kafkaBrokers'), clientId: 'smoke', logLevel: logLevel.WARN });
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const topic = uniqueName(import.meta.url, 'topic');
  const groupId = uniqueName(import.meta.url, 'group');

  beforeAll(async () => {
    await admin.connect();
    await producer.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
  });

  afterAll(async () => {
    await producer.disconnect();
    await admin.disconnect();
  });

  it('produces, consumes in a group, commits, and reports offsets', async () => {
    const messages = Array.from({ length: 30 }, (_, i) => ({ key: `k${String(i % 5)}`, value: `v${String(i)}` }));
    await producer.send({ topic, acks: -1, messages });

    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets).toHaveLength(3);
    expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(30);

    const consumer = kafka.consumer({ groupId });
    const seen: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        seen.push(message.value?.toString() ?? '');
        return Promise.resolve();
      },
    });
    await waitFor(() => seen.length === 30, { description: '30 consumed messages' });
    await consumer.disconnect();
    expect(new Set(seen)).toEqual(new Set(messages.map((m) => m.value)));

    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    const partitions = committed[0]?.partitions ?? [];
    expect(partitions.reduce((sum, p) => sum + Number(p.offset), 0)).toBe(30);

    const groups = await admin.describeGroups([groupId]);
    expect(groups.groups[0]?.groupId).toBe(groupId);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueName, waitFor } from '@zc/testing';
import { driverOf } from './client';
import type { ConsumerRunner } from './consumer-runner';
import { runConsumer } from './consumer-runner';
import { jsonValue, type IncomingMessage } from './incoming-message';
import { event, testClient } from './int-test-support';
import { createPublisher } from './publisher';
import { ensureTopics } from './topics';

const retry = { maxAttempts: 3, initialBackoffMs: 20, maxBackoffMs: 100 };

describe('publisher and consumer runner', () => {
  const client = testClient(inject('kafkaBrokers'), 'runner-spec');
  const publisher = createPublisher(client);
  const runners: ConsumerRunner[] = [];
  const admin = driverOf(client).admin();

  beforeAll(async () => {
    await Promise.all([publisher.connect(), admin.connect()]);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });
  afterAll(async () => {
    await Promise.all([publisher.disconnect(), admin.disconnect()]);
  });

  it('delivers JSON values with the event headers, keyed to the same partition', async () => {
    const topic = uniqueName(import.meta.url, 'roundtrip');
    await ensureTopics(client, [{ name: topic, partitions: 3 }]);
    const sent = [event('connector-1', { n: 1 }), event('connector-1', { n: 2 })];
    sent.push({ ...event('connector-2', { n: 3 }), headers: { ...sent[0]!.headers, traceparent: '00-abc-def-01' } });
    await publisher.publish(topic, sent);

    const seen: { message: IncomingMessage; value: unknown }[] = [];
    runners.push(
      await runConsumer({
        client,
        groupId: uniqueName(import.meta.url, 'roundtrip-group'),
        topics: [topic],
        parse: jsonValue,
        handleBatch: (items) => {
          seen.push(...items);
          return Promise.resolve();
        },
        retry,
        logger: client.logger,
        maxWaitTimeInMs: 500,
      }),
    );
    await waitFor(() => seen.length === 3, { description: 'three consumed messages' });

    const byValue = (n: number) => seen.find((item) => (item.value as { n: number }).n === n)!;
    expect(byValue(1).message.headers).toEqual({
      'event-type': 'TestEventRecorded',
      'schema-version': '1',
      'event-id': sent[0]!.headers.eventId,
    });
    expect(byValue(3).message.headers.traceparent).toBe('00-abc-def-01');
    expect(byValue(1).message.key).toBe('connector-1');
    expect(byValue(1).message.partition).toBe(byValue(2).message.partition);
    expect(Number(byValue(2).message.offset)).toBeGreaterThan(Number(byValue(1).message.offset));
  });

  it('on stop finishes and commits the in-flight batch; the next member resumes after it', async () => {
    const topic = uniqueName(import.meta.url, 'resume');
    const groupId = uniqueName(import.meta.url, 'resume-group');
    await ensureTopics(client, [{ name: topic, partitions: 1 }]);
    await publisher.publish(
      topic,
      Array.from({ length: 10 }, (_, n) => event('k', { n })),
    );

    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = false;
    const firstSeen: number[] = [];
    const first = await runConsumer({
      client,
      groupId,
      topics: [topic],
      parse: (message) => (jsonValue(message) as { n: number }).n,
      handleBatch: async (items) => {
        entered = true;
        await gate;
        firstSeen.push(...items.map((item) => item.value));
      },
      retry,
      logger: client.logger,
      maxWaitTimeInMs: 500,
    });
    await waitFor(() => entered, { description: 'the first batch in the handler' });
    const stopped = first.stop();
    release();
    await stopped;

    expect(firstSeen).toEqual(Array.from({ length: 10 }, (_, n) => n));
    const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(offsets[0]?.partitions[0]?.offset).toBe('10');
    expect(first.committed(topic, 0)).toBe('10');
    expect(first.isJoined()).toBe(false);

    await publisher.publish(
      topic,
      Array.from({ length: 5 }, (_, i) => event('k', { n: 10 + i })),
    );
    const secondSeen: number[] = [];
    const second = await runConsumer({
      client,
      groupId,
      topics: [topic],
      parse: (message) => (jsonValue(message) as { n: number }).n,
      handleBatch: (items) => {
        secondSeen.push(...items.map((item) => item.value));
        return Promise.resolve();
      },
      retry,
      logger: client.logger,
      maxWaitTimeInMs: 500,
    });
    runners.push(second);
    await waitFor(() => second.isJoined(), { description: 'second member joined' });
    await waitFor(() => second.committed(topic, 0) === '15', { description: 'offset 15 committed' });
    expect(secondSeen).toEqual([10, 11, 12, 13, 14]);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { DLQ_RETENTION, dlqBrokerTopicName } from '@zc/contracts';
import { uniqueName, waitFor } from '@zc/testing';
import { runConsumer, type ConsumerRunner } from './consumer-runner';
import { jsonValue } from './incoming-message';
import { collect, event, publishRaw, testClient, topicConfigOf } from './int-test-support';
import { createPublisher } from './publisher';
import { ensureTopics } from './topics';

const retry = { maxAttempts: 3, initialBackoffMs: 20, maxBackoffMs: 100 };
type Value = { n: number };

class PoisonError extends Error {}

describe('consumer runner failure handling', () => {
  const client = testClient(inject('kafkaBrokers'), 'dead-letter-spec');
  const publisher = createPublisher(client);
  const runners: ConsumerRunner[] = [];
  const start = async (...args: Parameters<typeof runConsumer<Value>>) => {
    const runner = await runConsumer<Value>(...args);
    runners.push(runner);
    return runner;
  };

  beforeAll(() => publisher.connect());
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });
  afterAll(() => publisher.disconnect());

  it('sends an unparseable message to <topic>.dlq with the parse error, and goes on', async () => {
    const topic = uniqueName(import.meta.url, 'garbage');
    // No DLQ topic provisioned: the runner creates it on first use.
    await ensureTopics(client, [{ name: topic, partitions: 1 }]);
    await publisher.publish(topic, [event('k', { n: 1 })]);
    await publishRaw(client, topic, [{ key: 'k', value: 'not json {', headers: { 'event-id': 'garbage-1' } }]);
    await publisher.publish(topic, [event('k', { n: 2 })]);

    const handled: number[] = [];
    const runner = await start({
      client,
      groupId: uniqueName(import.meta.url, 'garbage-group'),
      topics: [topic],
      parse: (message) => jsonValue(message) as Value,
      handleBatch: (items) => {
        handled.push(...items.map((item) => item.value.n));
        return Promise.resolve();
      },
      retry,
      logger: client.logger,
      maxWaitTimeInMs: 500,
    });
    await waitFor(() => runner.committed(topic, 0) === '3', { description: 'all three offsets committed' });
    expect(handled).toEqual([1, 2]);

    const dlq = await collect(client, dlqBrokerTopicName(topic), uniqueName(import.meta.url, 'garbage-dlq'));
    runners.push(dlq.runner);
    await waitFor(() => dlq.messages.length === 1, { description: 'one dead letter' });
    const [letter] = dlq.messages;
    expect(letter?.key).toBe('k');
    expect(letter?.value?.toString()).toBe('not json {');
    expect(letter?.headers).toMatchObject({
      'event-id': 'garbage-1',
      'dlq-reason': 'parse',
      'dlq-source-topic': topic,
      'dlq-source-partition': '0',
      'dlq-source-offset': '1',
    });
    expect(letter?.headers['dlq-error']).toMatch(/JSON/);
    // Created as the catalog provisions a DLQ, not with a retention of its own.
    expect(await topicConfigOf(client, dlqBrokerTopicName(topic), 'retention.ms')).toBe(
      String(DLQ_RETENTION.retentionMs),
    );
  });

  it('retries a retriable handler failure and commits once it succeeds', async () => {
    const topic = uniqueName(import.meta.url, 'transient');
    await ensureTopics(client, [{ name: topic, partitions: 1 }]);
    await publisher.publish(topic, [event('k', { n: 1 }), event('k', { n: 2 })]);

    let attempts = 0;
    const processed: number[] = [];
    const runner = await start({
      client,
      groupId: uniqueName(import.meta.url, 'transient-group'),
      topics: [topic],
      parse: (message) => jsonValue(message) as Value,
      handleBatch: (items) => {
        attempts += 1;
        if (attempts === 1) return Promise.reject(new Error('database briefly unavailable'));
        processed.push(...items.map((item) => item.value.n));
        return Promise.resolve();
      },
      retry,
      logger: client.logger,
      maxWaitTimeInMs: 500,
    });
    await waitFor(() => runner.committed(topic, 0) === '2', { description: 'both offsets committed' });
    expect(attempts).toBe(2);
    expect(processed).toEqual([1, 2]);
  });

  it('sets a permanently failing message aside on the DLQ and processes the ones after it', async () => {
    const topic = uniqueName(import.meta.url, 'poison');
    await ensureTopics(client, [
      { name: topic, partitions: 1 },
      { name: dlqBrokerTopicName(topic), partitions: 1 },
    ]);
    await publisher.publish(
      topic,
      [1, 2, 3, 4, 5].map((n) => event('k', { n })),
    );

    const processed: number[] = [];
    const runner = await start({
      client,
      groupId: uniqueName(import.meta.url, 'poison-group'),
      topics: [topic],
      parse: (message) => jsonValue(message) as Value,
      handleBatch: (items) => {
        if (items.some((item) => item.value.n === 3)) return Promise.reject(new PoisonError('cannot apply n=3'));
        processed.push(...items.map((item) => item.value.n));
        return Promise.resolve();
      },
      retry,
      isRetriable: (error) => !(error instanceof PoisonError),
      logger: client.logger,
      maxWaitTimeInMs: 500,
    });
    await waitFor(() => runner.committed(topic, 0) === '5', { description: 'all five offsets committed' });
    expect(processed.sort()).toEqual([1, 2, 4, 5]);

    const dlq = await collect(client, dlqBrokerTopicName(topic), uniqueName(import.meta.url, 'poison-dlq'));
    runners.push(dlq.runner);
    await waitFor(() => dlq.messages.length === 1, { description: 'one dead letter' });
    expect(dlq.messages[0]?.headers).toMatchObject({
      'dlq-reason': 'handler',
      'dlq-error': 'cannot apply n=3',
      'dlq-source-offset': '2',
      'event-type': 'TestEventRecorded',
    });
    expect(jsonValue(dlq.messages[0]!)).toEqual({ n: 3 });
  });
});

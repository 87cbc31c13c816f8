import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueName, waitFor } from '@zc/testing';
import { driverOf } from './client';
import { runConsumer, type ConsumerRunner, type ConsumerRunnerOptions } from './consumer-runner';
import { jsonValue } from './incoming-message';
import { publishRaw, testClient } from './int-test-support';
import { ensureTopics } from './topics';

/** Simulated work; the event loop stays free meanwhile, as it does while a handler waits on the store. */
const work = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const values = (partition: number, from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ partition, key: 'k', value: JSON.stringify(from + i) }));

describe('consumer runner liveness', () => {
  const client = testClient(inject('kafkaBrokers'), 'runner-liveness-spec');
  const runners: ConsumerRunner[] = [];
  const admin = driverOf(client).admin();

  beforeAll(() => admin.connect());
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });
  afterAll(() => admin.disconnect());

  const start = async (
    overrides: Partial<ConsumerRunnerOptions<number>> &
      Pick<ConsumerRunnerOptions<number>, 'topics' | 'groupId' | 'handleBatch'>,
  ) => {
    const runner = await runConsumer<number>({
      client,
      parse: (message) => Number(jsonValue(message)),
      retry: { maxAttempts: 3, initialBackoffMs: 20, maxBackoffMs: 100 },
      logger: client.logger,
      maxWaitTimeInMs: 500,
      ...overrides,
    });
    runners.push(runner);
    return runner;
  };

  it('drains a fetched batch whose work outlasts the session timeout, without eviction or redelivery', async () => {
    const topic = uniqueName(import.meta.url, 'livelock');
    await ensureTopics(client, [{ name: topic, partitions: 1 }]);
    const total = 1500;
    await publishRaw(client, topic, values(0, 0, total));

    // A handler call costs more per message the bigger it is (like per-message round trips against a growing
    // collection): the whole fetched batch takes ~45 s, past even kafkajs' default 30 s session; a chunk of
    // 700 takes ~10 s, still past the 6 s session below, so only heartbeating mid-call keeps the member.
    const costMs = (size: number) => (0.04 * size * size) / 2;
    const handled: number[] = [];
    const runner = await start({
      topics: [topic],
      groupId: uniqueName(import.meta.url, 'livelock-group'),
      sessionTimeout: 6_000,
      heartbeatInterval: 1_000,
      maxBatchSize: 700,
      handleBatch: async (items) => {
        for (let left = costMs(items.length); left > 0; left -= 100) await work(Math.min(100, left));
        handled.push(...items.map((item) => item.value));
      },
    });

    await waitFor(() => runner.committed(topic, 0) === String(total), {
      timeoutMs: 50_000,
      intervalMs: 200,
      description: `offset ${String(total)} committed`,
    });
    expect(handled).toEqual(Array.from({ length: total }, (_, n) => n));
    const [lag] = await admin.fetchOffsets({ groupId: runner.groupId, topics: [topic] });
    expect(lag?.partitions[0]?.offset).toBe(String(total));
  });

  /** Publishes waves to partition 1 one after another, each once the previous one is committed. */
  async function waves(topic: string, runner: ConsumerRunner, count: number): Promise<void> {
    for (let wave = 1; wave <= count; wave += 1) {
      await publishRaw(client, topic, values(1, wave * 100, 5));
      await waitFor(() => runner.committed(topic, 1) === String(wave * 5), {
        timeoutMs: 15_000,
        description: `wave ${String(wave)} of partition 1 committed`,
      });
    }
  }

  // kafkajs fetches again only once every batch of a fetch is done, whatever the concurrency: the time budget
  // and the paused back-off are what free the other partitions, so both settings must pass.
  for (const concurrency of [1, 6]) {
    const label = `${String(concurrency)} partition(s) at once`;
    it(`keeps a partition moving while another partition is slow (${label})`, async () => {
      const topic = uniqueName(import.meta.url, `slow-${String(concurrency)}`);
      await ensureTopics(client, [{ name: topic, partitions: 2 }]);
      await publishRaw(client, topic, values(0, 0, 40));
      let slowDone = 0;
      const runner = await start({
        topics: [topic],
        groupId: uniqueName(import.meta.url, 'slow-group'),
        partitionsConsumedConcurrently: concurrency,
        maxBatchSize: 2,
        batchTimeBudgetMs: 500,
        handleBatch: async (items, { partition }) => {
          if (partition !== 0) return;
          await work(250 * items.length);
          slowDone += items.length;
        },
      });
      await waitFor(() => slowDone > 0, { description: 'the slow partition under way' });

      await waves(topic, runner, 3);
      // 40 messages at 250 ms take 10 s; partition 1 got three fetch rounds in far less.
      expect(slowDone).toBeLessThan(40);
    });

    it(`keeps a partition moving while another partition fails and backs off (${label})`, async () => {
      const topic = uniqueName(import.meta.url, `failing-${String(concurrency)}`);
      await ensureTopics(client, [{ name: topic, partitions: 2 }]);
      await publishRaw(client, topic, values(0, 0, 10));
      let failures = 0;
      let healed = false;
      const runner = await start({
        topics: [topic],
        groupId: uniqueName(import.meta.url, 'failing-group'),
        partitionsConsumedConcurrently: concurrency,
        retry: { maxAttempts: 1_000, initialBackoffMs: 500, maxBackoffMs: 2_000 },
        handleBatch: (items, { partition }) => {
          if (partition !== 0 || healed) return Promise.resolve();
          failures += 1;
          return Promise.reject(new Error(`store down (${String(items.length)} messages)`));
        },
      });
      await waitFor(() => failures > 0, { description: 'partition 0 failing' });

      await waves(topic, runner, 3);
      expect(runner.committed(topic, 0)).toBeUndefined();
      healed = true;
      await waitFor(() => runner.committed(topic, 0) === '10', { description: 'partition 0 caught up once healed' });
    });
  }
});

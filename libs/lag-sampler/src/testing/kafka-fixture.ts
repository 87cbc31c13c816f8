import { randomUUID } from 'node:crypto';
import { createPublisher, runConsumer, silentLogger, type KafkaClient, type OutgoingMessage } from '@zc/kafka';

export const message = (key: string, n: number): OutgoingMessage => ({
  key,
  value: { n },
  headers: { eventType: 'LagProbeRecorded', schemaVersion: 1, eventId: randomUUID() },
});

/** Consumes a topic and commits as it goes; `consumed` counts what it handled. */
export async function countingConsumer(client: KafkaClient, groupId: string, topic: string) {
  const state = { consumed: 0 };
  const runner = await runConsumer({
    client,
    groupId,
    topics: [topic],
    parse: () => null,
    handleBatch: (items) => {
      state.consumed += items.length;
      return Promise.resolve();
    },
    retry: { maxAttempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 },
    logger: silentLogger,
    maxWaitTimeInMs: 200,
  });
  return { state, runner };
}

/**
 * Keeps producing one small batch per `everyMs` until stopped: the load a stopped consumer falls behind.
 * Not a sleep: the test waits on what the sampler reports, this only generates traffic meanwhile.
 */
export function steadyProducer(client: KafkaClient, topic: string, everyMs = 100) {
  const publisher = createPublisher(client);
  let n = 0;
  let running = true;
  const loop = (async () => {
    await publisher.connect();
    while (running) {
      await publisher.publish(topic, [message(`k-${String(n % 3)}`, n), message(`k-${String((n + 1) % 3)}`, n + 1)]);
      n += 2;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
    await publisher.disconnect();
  })();
  return {
    produced: () => n,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

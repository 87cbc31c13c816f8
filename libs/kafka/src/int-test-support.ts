import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, type Message } from 'kafkajs';
import { createKafkaClient, driverOf, type KafkaClient } from './client';
import { runConsumer, type ConsumerRunner } from './consumer-runner';
import type { IncomingMessage } from './incoming-message';
import type { KafkaLogger } from './logger';
import type { OutgoingMessage } from './publisher';

/** Keeps log lines in memory: quiet test output, yet inspectable when an assertion needs them. */
export function memoryLogger(): KafkaLogger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const at = (level: string) => (_fields: Record<string, unknown>, message: string) => {
    lines.push({ level, message });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function testClient(brokers: string[], clientId: string): KafkaClient {
  return createKafkaClient({ brokers, clientId, logger: memoryLogger() });
}

export function event(key: string, value: unknown, eventType = 'TestEventRecorded'): OutgoingMessage {
  return { key, value, headers: { eventType, schemaVersion: 1, eventId: randomUUID() } };
}

/** Sends bytes the publisher would refuse to write, as a foreign or broken producer might. */
export async function publishRaw(client: KafkaClient, topic: string, messages: Message[]): Promise<void> {
  const producer = driverOf(client).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}

/** One of a topic's configs (`retention.ms`, `cleanup.policy`, ...) as the broker holds it. */
export async function topicConfigOf(client: KafkaClient, topic: string, configName: string): Promise<string | null> {
  const admin = driverOf(client).admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: [configName] }],
    });
    return resources[0]?.configEntries.find((entry) => entry.configName === configName)?.configValue ?? null;
  } finally {
    await admin.disconnect();
  }
}

/** Reads a topic (a DLQ, typically) from the beginning into memory through the runner itself. */
export async function collect(
  client: KafkaClient,
  topic: string,
  groupId: string,
): Promise<{ messages: IncomingMessage[]; runner: ConsumerRunner }> {
  const messages: IncomingMessage[] = [];
  const runner = await runConsumer({
    client,
    groupId,
    topics: [topic],
    parse: (message) => message,
    handleBatch: (items) => {
      messages.push(...items.map((item) => item.value));
      return Promise.resolve();
    },
    retry: { maxAttempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 },
    logger: client.logger,
    maxWaitTimeInMs: 500,
  });
  return { messages, runner };
}

import {
  brokerTopicName,
  currentSchemaVersion,
  dlqTopicName,
  eventTypesOf,
  TOPIC_NAMES,
  type EventType,
  type TopicName,
} from '@zc/contracts';
import { connectClusterAdmin, createKafkaClient, runConsumer, silentLogger, type IncomingMessage } from '@zc/kafka';
import { waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backfillCompleted, clientsOf, connectNewAccount } from '../system/scenario';
import { startSystem, type System } from '../system/system';

/**
 * Every service writes its envelopes with `newEvent`, which takes the schema version from the event
 * registry. This reads back what a short real run put on every topic, from the start, as raw bytes
 * (no parsing, so no upcasting), and checks each envelope and its headers against the registry.
 */

let system: System;
const brokers = inject('kafkaBrokers');
const dlqs = TOPIC_NAMES.map(dlqTopicName);

beforeAll(async () => {
  system = await startSystem({
    infra: { kafkaBrokers: brokers, mongoUri: inject('mongoUri') },
    fileUrl: import.meta.url,
  });
  const clients = clientsOf(system);
  // A short life touching each writer: register, connect, backfill and live collection, Test now, a new
  // rate limit, a re-collection, disconnect.
  const { connector } = await connectNewAccount(system, `e2e-env-${system.identity.id.slice(-6)}`, { auditPerDay: 20 });
  await backfillCompleted(clients, connector.id);
  await clients.admin.test(connector.id);
  await clients.admin.changeRateLimit(connector.id, 300);
  const to = new Date(Date.now() - 86_400_000);
  await clients.admin.recollect(connector.id, {
    from: new Date(to.getTime() - 3_600_000).toISOString(),
    to: to.toISOString(),
  });
  await clients.admin.disconnect(connector.id);
  // The collector has seen the last connector event, so everything before it is on the topics.
  await waitFor(async () => (await clients.collection(connector.id))?.status === 'disconnected', {
    timeoutMs: 60_000,
    description: 'the collector to see the disconnect',
  });
});

afterAll(async () => {
  await system?.shutdown();
});

/** Reads the topics from the beginning until the group has committed up to every partition's end. */
async function readAll(topics: readonly string[]): Promise<IncomingMessage[]> {
  const client = createKafkaClient({ brokers, clientId: `${system.identity.id}-reader`, logger: silentLogger });
  const groupId = `${system.identity.id}-envelopes`;
  const messages: IncomingMessage[] = [];
  const runner = await runConsumer({
    client,
    groupId,
    topics: [...topics],
    parse: (message) => message,
    handleBatch: (items) => {
      messages.push(...items.map((item) => item.value));
      return Promise.resolve();
    },
    retry: { maxAttempts: 1, initialBackoffMs: 10, maxBackoffMs: 10 },
    logger: silentLogger,
    fromBeginning: true,
    maxWaitTimeInMs: 200,
  });
  const admin = await connectClusterAdmin(client);
  try {
    await waitFor(
      async () => {
        const lag = await admin.consumerLag([groupId], { topics: [...topics] });
        return lag.length > 0 && lag.every((partition) => partition.lagMessages === 0);
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'every topic read to its end' },
    );
  } finally {
    await admin.disconnect();
    await runner.stop();
  }
  return messages;
}

const logicalTopicOf = (physical: string): TopicName | undefined =>
  TOPIC_NAMES.find((topic) => brokerTopicName(system.identity.topicPrefix, topic) === physical);

describe('envelopes on the topics', () => {
  it("carry, for every event type any service wrote, its registry's current schema version", async () => {
    const prefixed = [...TOPIC_NAMES, ...dlqs].map((topic) => brokerTopicName(system.identity.topicPrefix, topic));
    const messages = await readAll(prefixed);

    const problems: string[] = [];
    const seen = new Set<string>();
    for (const message of messages) {
      const topic = logicalTopicOf(message.topic);
      if (topic === undefined) continue; // a DLQ: checked below
      const envelope = JSON.parse(message.value?.toString('utf8') ?? 'null') as { type: string; schemaVersion: number };
      const where = `${message.topic}@${message.partition}:${message.offset} ${envelope.type}`;
      if (!(eventTypesOf(topic) as readonly string[]).includes(envelope.type)) {
        problems.push(`${where}: not a type of ${topic}`);
        continue;
      }
      const current = currentSchemaVersion(envelope.type as EventType);
      seen.add(envelope.type);
      if (envelope.schemaVersion !== current)
        problems.push(`${where}: schemaVersion ${envelope.schemaVersion} ≠ ${current}`);
      if (message.headers['schema-version'] !== String(current)) {
        problems.push(`${where}: schema-version header ${message.headers['schema-version']} ≠ ${current}`);
      }
      if (message.headers['event-type'] !== envelope.type) problems.push(`${where}: event-type header differs`);
    }
    expect(problems).toEqual([]);
    // Nothing any reader refused to parse.
    expect(messages.filter((message) => logicalTopicOf(message.topic) === undefined)).toEqual([]);
    // The run reached every writer: the auth service's outbox and each of the collector's streams.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'BackfillCompleted',
        'CollectionStarted',
        'ConnectionTested',
        'ConnectorAuthorizationStarted',
        'ConnectorAuthorized',
        'ConnectorDisconnected',
        'ConnectorRateLimitChanged',
        'ConnectorRegistered',
        'RecollectionRequested',
        'ZendeskActivityRecorded',
        'ZendeskUserObserved',
      ]),
    );
  });
});

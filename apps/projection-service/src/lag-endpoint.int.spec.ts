import { createKafkaClient, createPublisher, silentLogger } from '@zc/kafka';
import { connectMongo, type MongoHandle } from '@zc/mongo';
import { uniqueDatabaseName, uniqueName, waitFor } from '@zc/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startProjectionService, type ProjectionService } from './runtime';

// The query service hosts consumer-lag monitoring for SREs: GET /v1/lag and the kafka_consumergroup_* gauges.
describe('lag monitoring in the projection service', () => {
  const groupId = uniqueName(import.meta.url, 'group');
  const prefix = `${uniqueName(import.meta.url, 't')}.`;
  let mongo: MongoHandle;
  let service: ProjectionService;

  beforeAll(async () => {
    mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
    service = await startProjectionService({
      kafkaBrokers: inject('kafkaBrokers'),
      naming: { prefix },
      partitions: 2,
      groupId,
      mongo,
      verifyApiKey: () => Promise.resolve(null),
      activityRetentionMs: 365 * 86_400_000,
      retentionIntervalMs: 3_600_000,
      now: () => new Date(),
      logger: pino({ level: 'silent' }),
      kafkaLogger: silentLogger,
      maxWaitTimeInMs: 200,
      lag: { extraGroups: [], intervalMs: 200 },
    });
  });

  afterAll(async () => {
    await service.stop();
    await service.app.close();
    await mongo.close();
  });

  it('reports its own caught-up group as OK with zero lag, on /v1/lag and /metrics', async () => {
    // A group is known to Kafka once it commits; one (unparseable) message makes it commit.
    const publisher = createPublisher(
      createKafkaClient({ brokers: inject('kafkaBrokers'), clientId: 'feeder', logger: silentLogger }),
    );
    await publisher.connect();
    await publisher.publish(`${prefix}connector.events`, [
      {
        key: 'c',
        value: { type: 'NoSuchEvent' },
        headers: { eventType: 'NoSuchEvent', schemaVersion: 1, eventId: 'x' },
      },
    ]);
    await publisher.disconnect();

    const report = await waitFor(
      async () => {
        const response = await service.app.inject({ method: 'GET', url: `/v1/lag?group=${groupId}` });
        if (response.statusCode !== 200) return undefined;
        const body = response.json<{ groups: { group: string; status: string; totalLag: number }[] }>();
        return body.groups.find((group) => group.group === groupId && group.status === 'OK');
      },
      { timeoutMs: 30_000, description: 'the group in the lag report' },
    );
    expect(report.status).toBe('OK');
    expect(report.totalLag).toBe(0);

    const metrics = await service.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(new RegExp(`kafka_consumergroup_group_lag{[^}]*group="${groupId}"[^}]*} 0`));
  });
});

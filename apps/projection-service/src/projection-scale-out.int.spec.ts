import { createApiKeyStore } from '@zc/api-keys';
import { TOPIC_NAMES } from '@zc/contracts';
import { connectClusterAdmin, createKafkaClient, ensureTopics, silentLogger, type ClusterAdmin } from '@zc/kafka';
import { connectMongo } from '@zc/mongo';
import { uniqueDatabaseName, uniqueName, waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { physicalTopic, topicSpecs } from './adapters/topics';
import { activityEvent } from './testing/events';
import { publishEvents } from './testing/kafka-feed';
import { startProjectionProcess, type ProjectionProcess } from './testing/projection-process';
import { activityIdsViaApi, groupLag, idSetDifference } from './testing/view-ids';

const CONNECTORS = Array.from({ length: 12 }, (_, n) => `conn-${String(n)}`);
// Within the service's default 180-day retention, which would drop anything older.
const BASE_MS = Date.now() - 86_400_000;
const WAVES = 6;
const PER_WAVE = 500;

const wave = (index: number) =>
  Array.from({ length: PER_WAVE }, (_, i) => {
    const n = index * PER_WAVE + i;
    const connector = n % CONNECTORS.length;
    return activityEvent({
      connectorId: CONNECTORS[connector] ?? 'conn-0',
      account: `acct${String(connector)}`,
      auditLogId: n,
      occurredAtMs: BASE_MS + n * 1_000,
    });
  });

// Scale-out: two instances in one group share the partitions; kill -9 of one mid-stream hands its partitions
// to the other after the session timeout, and the view still ends up equal to the topic.
describe('two projection instances in one consumer group', () => {
  const brokers = inject('kafkaBrokers');
  const naming = { prefix: `${uniqueName(import.meta.url, 't')}.` };
  const groupId = uniqueName(import.meta.url, 'group');
  const database = uniqueDatabaseName(import.meta.url);
  const client = createKafkaClient({ brokers, clientId: 'scale-out-spec', logger: silentLogger });
  let admin: ClusterAdmin;
  const activities = physicalTopic(naming, 'zendesk.activities');
  const running: ProjectionProcess[] = [];
  let apiKey = '';

  beforeAll(async () => {
    admin = await connectClusterAdmin(client);
    await ensureTopics(client, topicSpecs(naming, TOPIC_NAMES, 6));
    const auth = await connectMongo({ uri: inject('mongoUri'), dbName: `${database}_keys` });
    apiKey = (await createApiKeyStore(auth.db).create({ name: 'scale-out', scopes: ['activities:read'] })).presented;
    await auth.close();
  });
  afterAll(async () => {
    await Promise.all(running.map((instance) => instance.kill()));
    await admin.disconnect();
  });

  const start = async (name: string) => {
    const instance = await startProjectionProcess(name, {
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: naming.prefix,
      CONSUMER_GROUP: groupId,
      // The broker's minimum: the survivor takes over 6 s after the kill instead of 30.
      CONSUMER_SESSION_TIMEOUT: '6s',
      MONGO_URI: inject('mongoUri'),
      MONGO_DB: database,
      KEYS_MONGO_DB: `${database}_keys`,
      LAG_GROUPS: groupId,
    });
    running.push(instance);
    return instance;
  };

  const members = async () => {
    const [group] = await admin.describeGroups([groupId]);
    return group?.state === 'Stable' ? group.members : 0;
  };

  it(
    'the survivor takes the killed instance’s partitions over and the view equals the topic',
    { timeout: 150_000 },
    async () => {
      const published = new Set<string>();
      const publish = async (index: number) => {
        const events = wave(index);
        await publishEvents(
          client,
          naming,
          events.map((event) => ({ topic: 'zendesk.activities' as const, event })),
        );
        for (const event of events) published.add(event.data.activityId);
      };

      await publish(0);
      // One after the other: two instances creating the views' collections at once on FerretDB had one of
      // them die at start (connection closed mid-createIndexes), which is another matter than this test's.
      const alpha = await start('projection-alpha');
      const beta = await start('projection-beta');
      await waitFor(async () => (await members()) === 2, { timeoutMs: 30_000, description: 'both in the group' });
      await publish(1);
      await publish(2);
      await waitFor(async () => (await groupLag(admin, groupId, [activities])) < published.size, {
        description: 'the group under way',
      });

      await alpha.kill();
      running.splice(running.indexOf(alpha), 1);
      for (let index = 3; index < WAVES; index += 1) await publish(index);

      await waitFor(async () => (await members()) === 1, { timeoutMs: 30_000, description: 'alpha evicted' });
      await waitFor(async () => (await groupLag(admin, groupId, [activities])) === 0, {
        timeoutMs: 60_000,
        intervalMs: 250,
        description: 'lag 0 on every partition after the takeover',
      });
      const served = await activityIdsViaApi(beta.url, apiKey, CONNECTORS);
      expect(published.size).toBe(WAVES * PER_WAVE);
      expect(idSetDifference(published, served)).toEqual({ missing: 0, unexpected: 0, examples: [] });
    },
  );
});

import { uniqueDatabaseName, uniqueName } from '@zc/testing';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Collector } from '../runtime';
import { collectorFixture, type CollectorFixture } from './collector-fixture';
import { ConnectorEventWriter } from './connector-events';
import { startSimulator, type RunningSim } from './sim';
import { recordTopic, type TopicRecorder } from './topic-recorder';

export interface RigOptions {
  /** The spec's `import.meta.url`: names its database, topics and groups. */
  fileUrl: string;
  brokers: readonly string[];
  mongoUri: string;
  instanceId: string;
  env?: Readonly<Record<string, string>>;
}

/**
 * One collector against its own simulator, topics and database, with a writer for connector events
 * and recorders of everything it publishes: the setup most collector specs share.
 */
export interface CollectorRig {
  sim: RunningSim;
  fixture: CollectorFixture;
  collector: Collector;
  writer: ConnectorEventWriter;
  activities: TopicRecorder<'zendesk.activities'>;
  users: TopicRecorder<'zendesk.users'>;
  collection: TopicRecorder<'collection.events'>;
  readonly stop: () => Promise<void>;
}

export async function startCollectorRig(options: RigOptions): Promise<CollectorRig> {
  const sim = await startSimulator();
  const fixture = collectorFixture({
    brokers: options.brokers,
    mongoUri: options.mongoUri,
    database: uniqueDatabaseName(options.fileUrl),
    topicPrefix: `${uniqueName(options.fileUrl)}.`,
    simBaseUrl: sim.baseUrl,
    ...(options.env ? { env: options.env } : {}),
  });
  await fixture.ensureTopics();
  const collector = await fixture.start(options.instanceId);
  const writer = new ConnectorEventWriter(fixture.kafka, fixture.topics['connector.events'], fixture.ring);
  await writer.connect();
  const group = uniqueName(options.fileUrl, 'reader');
  const { kafka, topics } = fixture;
  const activities = await recordTopic(kafka, 'zendesk.activities', topics['zendesk.activities'], `${group}-a`);
  const users = await recordTopic(kafka, 'zendesk.users', topics['zendesk.users'], `${group}-u`);
  const collection = await recordTopic(kafka, 'collection.events', topics['collection.events'], `${group}-c`);
  return {
    sim,
    fixture,
    collector,
    writer,
    activities,
    users,
    collection,
    async stop() {
      await Promise.allSettled([activities.stop(), users.stop(), collection.stop(), writer.disconnect()]);
      await collector.stop();
      await sim.close();
    },
  };
}

/**
 * The rig a spec file shares: started against the run's broker and store before the file's tests,
 * stopped after them. Its fields are read inside tests and hooks, once it has started.
 */
export function useCollectorRig(options: Omit<RigOptions, 'brokers' | 'mongoUri'>): CollectorRig {
  let rig: CollectorRig | undefined;
  beforeAll(async () => {
    rig = await startCollectorRig({ ...options, brokers: inject('kafkaBrokers'), mongoUri: inject('mongoUri') });
  });
  afterAll(async () => {
    await rig?.stop();
  });
  const started = (): CollectorRig => {
    if (rig === undefined) throw new Error('the collector rig is read before its beforeAll ran');
    return rig;
  };
  // Each field read goes to the rig started for this file (a proxy, so the fields are not listed twice).
  return new Proxy({} as CollectorRig, {
    get: (_target, field: keyof CollectorRig) => started()[field],
  });
}

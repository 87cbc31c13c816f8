import { activityIdFor, FIRST_SEQUENCE } from '@zc/contracts';
import { uniqueDatabaseName, uniqueName, waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Collector } from './runtime';
import { ConnectorEventWriter } from './testing/connector-events';
import { collectorFixture, type CollectorFixture } from './testing/collector-fixture';
import { allAuditIds, seedAccount, startSimulator, type RunningSim, type SeededAccount } from './testing/sim';
import { recordTopic, type TopicRecorder } from './testing/topic-recorder';

/**
 * Slow enough (5 requests per 1 s window) that a crash lands in the middle of a backfill. The live
 * tail polls (every 1 s here) beside the backfill and takes its share of those 5.
 */
const SLOW = { BUDGET_WINDOW: '1s' };

describe('collection ownership across crashes and instances', () => {
  let sim: RunningSim;
  let fixture: CollectorFixture;
  let writer: ConnectorEventWriter;
  let activities: TopicRecorder<'zendesk.activities'>;
  let collection: TopicRecorder<'collection.events'>;
  const running: Collector[] = [];

  beforeAll(async () => {
    sim = await startSimulator();
    fixture = collectorFixture({
      brokers: inject('kafkaBrokers'),
      mongoUri: inject('mongoUri'),
      database: uniqueDatabaseName(import.meta.url),
      topicPrefix: `${uniqueName(import.meta.url)}.`,
      simBaseUrl: sim.baseUrl,
      env: SLOW,
    });
    await fixture.ensureTopics();
    writer = new ConnectorEventWriter(fixture.kafka, fixture.topics['connector.events'], fixture.ring);
    await writer.connect();
    const group = uniqueName(import.meta.url, 'reader');
    activities = await recordTopic(
      fixture.kafka,
      'zendesk.activities',
      fixture.topics['zendesk.activities'],
      `${group}-a`,
    );
    collection = await recordTopic(
      fixture.kafka,
      'collection.events',
      fixture.topics['collection.events'],
      `${group}-c`,
    );
  });

  afterAll(async () => {
    await Promise.allSettled([activities.stop(), collection.stop(), writer.disconnect()]);
    await Promise.allSettled(running.map((collector) => collector.stop()));
    await sim.close();
  });

  const start = async (instanceId: string) => {
    const collector = await fixture.start(instanceId, SLOW);
    running.push(collector);
    return collector;
  };
  const ofConnector = (connectorId: string) => activities.events.filter((event) => event.connectorId === connectorId);
  const completed = (connectorId: string) =>
    collection.events.some((event) => event.connectorId === connectorId && event.type === 'BackfillCompleted');

  /** Every seeded entry is on Kafka, and the connector's sequences have no hole (repeats are allowed). */
  const expectComplete = async (connectorId: string, account: SeededAccount) => {
    const expected = [...(await allAuditIds(sim, account))].map((id) => activityIdFor(account.subdomain, id));
    const published = new Set(ofConnector(connectorId).map((event) => event.data.activityId));
    expect(published).toEqual(new Set(expected));
    const sequences = new Set(ofConnector(connectorId).map((event) => event.sequence));
    expect([...sequences].sort((a, b) => a - b)).toEqual([...sequences].map((_, index) => FIRST_SEQUENCE + index));
  };

  it('resumes a backfill killed mid-way from its checkpoint, with no gaps', async () => {
    const authorizedAt = new Date();
    const account = seedAccount(sim, 'crash-acme', { users: 100, auditPerDay: 1_000, days: 7 });
    const first = await start('first');
    await writer.registered('c-crash', account.subdomain, 5);
    await writer.authorized('c-crash', account.adminToken, authorizedAt);
    await waitFor(() => ofConnector('c-crash').length >= 1_500, { description: 'backfill under way' });
    await first.crash();
    expect(completed('c-crash')).toBe(false);

    const second = await start('second');
    await waitFor(() => completed('c-crash'), { timeoutMs: 60_000, description: 'backfill completed after restart' });
    await expectComplete('c-crash', account);
    await second.stop();
  }, 120_000);

  it('takes over the connectors of a killed instance, never polling one connector from two instances', async () => {
    const ids = ['c-own-1', 'c-own-2', 'c-own-3', 'c-own-4'];
    const authorizedAt = new Date();
    const accounts = ids.map((id) => seedAccount(sim, `${id}-acme`, { users: 50, auditPerDay: 300, days: 7 }));
    const a = await start('alpha');
    await start('beta');
    for (const [index, id] of ids.entries()) {
      const account = accounts[index] as SeededAccount;
      await writer.registered(id, account.subdomain, 5);
      await writer.authorized(id, account.adminToken, authorizedAt);
    }
    const byAlpha = () =>
      new Set(sim.arrivals.filter((r) => r.userAgent === 'zc-collector/alpha').map((r) => r.account));
    // Alpha may also pick up the first test's connector (still active, its lease released): wait until
    // it polls one of this test's accounts, so the crash below leaves something to take over.
    const alphaPollsOurs = () => {
      const polled = byAlpha();
      return accounts.some((account) => polled.has(account.subdomain));
    };
    await waitFor(() => alphaPollsOurs() && ids.some((id) => ofConnector(id).length > 0), {
      description: 'alpha collecting',
    });
    await a.crash();

    await waitFor(() => ids.every(completed), { timeoutMs: 45_000, description: 'every backfill completed' });
    for (const [index, id] of ids.entries()) await expectComplete(id, accounts[index] as SeededAccount);

    // Per connector, the requests of each instance form one interval, and no two intervals overlap.
    const takenOver = accounts.filter((account) => byAlpha().has(account.subdomain));
    expect(takenOver.length).toBeGreaterThan(0);
    for (const account of accounts) {
      const requests = sim.arrivals.filter(
        (r) => r.account === account.subdomain && r.userAgent.startsWith('zc-collector/'),
      );
      const spans = [...new Set(requests.map((r) => r.userAgent))].map((agent) => {
        const times = requests.filter((r) => r.userAgent === agent).map((r) => r.at);
        return { agent, from: Math.min(...times), to: Math.max(...times) };
      });
      spans.sort((x, y) => x.from - y.from);
      for (let i = 1; i < spans.length; i += 1) {
        expect(spans[i]?.from, `${account.subdomain}: ${JSON.stringify(spans)}`).toBeGreaterThan(spans[i - 1]?.to ?? 0);
      }
    }
    const beta = sim.arrivals.filter((r) => r.userAgent === 'zc-collector/beta').map((r) => r.account);
    expect(takenOver.every((account) => beta.includes(account.subdomain))).toBe(true);
  });
});

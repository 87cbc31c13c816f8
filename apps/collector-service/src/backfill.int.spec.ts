import { activityIdFor } from '@zc/contracts';
import { uniqueDatabaseName, uniqueName, waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Collector } from './collector';
import { ConnectorEventWriter } from './testing/connector-events';
import { collectorFixture, type CollectorFixture } from './testing/collector-fixture';
import { allAuditIds, seedAccount, startSimulator, type RunningSim } from './testing/sim';
import { recordTopic, type TopicRecorder } from './testing/topic-recorder';

/** Backfill of 7 days × 500 audit entries and 500 users, then continuous collection of new entries. */
describe('collector backfill and continuous collection', () => {
  let sim: RunningSim;
  let fixture: CollectorFixture;
  let writer: ConnectorEventWriter;
  let collector: Collector;
  let activities: TopicRecorder<'zendesk.activities'>;
  let users: TopicRecorder<'zendesk.users'>;
  let collection: TopicRecorder<'collection.events'>;

  beforeAll(async () => {
    sim = await startSimulator();
    fixture = collectorFixture({
      brokers: inject('kafkaBrokers'),
      mongoUri: inject('mongoUri'),
      database: uniqueDatabaseName(import.meta.url),
      topicPrefix: `${uniqueName(import.meta.url)}.`,
      simBaseUrl: sim.baseUrl,
    });
    collector = await fixture.start('solo');
    writer = new ConnectorEventWriter(fixture.kafka, fixture.topics['connector.events'], fixture.ring);
    await writer.connect();
    const group = uniqueName(import.meta.url, 'reader');
    activities = await recordTopic(
      fixture.kafka,
      'zendesk.activities',
      fixture.topics['zendesk.activities'],
      `${group}-a`,
    );
    users = await recordTopic(fixture.kafka, 'zendesk.users', fixture.topics['zendesk.users'], `${group}-u`);
    collection = await recordTopic(
      fixture.kafka,
      'collection.events',
      fixture.topics['collection.events'],
      `${group}-c`,
    );
  });

  afterAll(async () => {
    await Promise.allSettled([activities.stop(), users.stop(), collection.stop(), writer.disconnect()]);
    await collector.stop();
    await sim.close();
  });

  it('publishes every audit entry and user of the 7 days once, then keeps collecting', async () => {
    // Authorized as of before seeding: the seeded week then lies wholly inside the backfill window.
    const authorizedAt = new Date();
    const account = seedAccount(sim, 'backfill-acme', { users: 500, auditPerDay: 500, days: 7 });
    await writer.registered('c-backfill', account.subdomain, 600);
    await writer.authorized('c-backfill', account.adminToken, authorizedAt);

    await waitFor(() => collection.events.some((event) => event.type === 'BackfillCompleted'), {
      timeoutMs: 60_000,
      description: 'BackfillCompleted',
    });
    const expected = [...(await allAuditIds(sim, account))].map((id) => activityIdFor(account.subdomain, id));
    const published = () => new Set(activities.events.map((event) => event.data.activityId));
    await waitFor(() => expected.every((id) => published().has(id)), { description: 'every seeded activity' });
    expect(published()).toEqual(new Set(expected));
    expect(expected.length).toBeGreaterThanOrEqual(3_400);

    // Gap-free per-connector sequence, and each activity published exactly once without a crash.
    const sequences = activities.events.map((event) => event.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, index) => index));
    const userIds = new Set(users.events.map((event) => event.data.id));
    expect(userIds.size).toBe(sim.control.getAccount(account.subdomain).users);

    const types = collection.events.map((event) => event.type);
    expect(types[0]).toBe('CollectionStarted');
    expect(types).toContain('BackfillProgressed');
    expect(types).toContain('CoverageRecorded');

    // Continuous: a new entry is published by the next poll, as a system activity named after the account.
    const [late] = sim.control.addAuditEntries(account.subdomain, { entries: [{ system: true }] });
    await waitFor(() => published().has(activityIdFor(account.subdomain, late ?? 0)), { description: 'new entry' });
    const system = activities.events.find((event) => event.data.auditLogId === late);
    expect(system?.data.actor).toMatchObject({ type: 'system', name: account.subdomain });
  });

  it('serves probes, metrics and the internal collection state', async () => {
    await waitFor(async () => (await collector.app.inject({ url: '/readyz' })).statusCode === 200, {
      description: 'ready',
    });
    const state = await collector.app.inject({ url: '/v1/collection/c-backfill' });
    expect(state.statusCode).toBe(200);
    expect(state.json()).toMatchObject({
      connectorId: 'c-backfill',
      status: 'active',
      owner: { instanceId: 'solo' },
      backfill: { completed: true },
    });
    expect(state.body).not.toContain('ciphertext');
    const metrics = (await collector.app.inject({ url: '/metrics' })).body;
    expect(metrics).toContain(
      'zc_zendesk_requests_total{connector_id="c-backfill",endpoint="/audit_logs",status="200"',
    );
    expect(metrics).toContain('zc_backfill_progress_ratio{connector_id="c-backfill",capability="audit_logs"');
    expect(metrics).toContain('zc_activity_freshness_seconds_bucket');
  });
});

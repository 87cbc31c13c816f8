import { activityIdFor } from '@zc/contracts';
import { waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ConnectorEventWriter } from './testing/connector-events';
import { maxInAnyWindow } from './testing/collector-fixture';
import { allAuditIds, seedAccount, type RunningSim } from './testing/sim';
import type { TopicRecorder } from './testing/topic-recorder';
import { startCollectorRig, type CollectorRig } from './testing/collector-rig';

/**
 * The budget's window is shrunk to 2 s (BUDGET_WINDOW, and the simulator's rateLimitWindowMs) so a
 * test sees many windows in seconds; the limiter's logic does not depend on the window length.
 */
const WINDOW_MS = 2_000;

describe('per-connector request budget', () => {
  let rig: CollectorRig;
  let sim: RunningSim;
  let writer: ConnectorEventWriter;
  let activities: TopicRecorder<'zendesk.activities'>;
  let collection: TopicRecorder<'collection.events'>;

  beforeAll(async () => {
    rig = await startCollectorRig({
      fileUrl: import.meta.url,
      brokers: inject('kafkaBrokers'),
      mongoUri: inject('mongoUri'),
      instanceId: 'budgeted',
      env: { BUDGET_WINDOW: `${WINDOW_MS}ms` },
    });
    ({ sim, writer, activities, collection } = rig);
  });

  afterAll(async () => {
    await rig.stop();
  });

  const arrivalsOf = (account: string) =>
    sim.arrivals.filter((r) => r.account === account && r.userAgent.startsWith('zc-collector/'));
  const completed = (connectorId: string) =>
    collection.events.some((event) => event.connectorId === connectorId && event.type === 'BackfillCompleted');
  const publishedAll = async (connectorId: string, account: Parameters<typeof allAuditIds>[1]) => {
    const expected = [...(await allAuditIds(sim, account))].map((id) => activityIdFor(account.subdomain, id));
    const published = new Set(
      activities.events.filter((e) => e.connectorId === connectorId).map((e) => e.data.activityId),
    );
    return expected.every((id) => published.has(id)) && published.size === expected.length;
  };

  it('never sends more than the budget in any window, and applies a lower budget without restart', async () => {
    const authorizedAt = new Date();
    const account = seedAccount(sim, 'budget-acme', { users: 100, auditPerDay: 1_200, days: 7 });
    await writer.registered('c-budget', account.subdomain, 20);
    await writer.authorized('c-budget', account.adminToken, authorizedAt);
    await waitFor(() => arrivalsOf(account.subdomain).length >= 45, { timeoutMs: 30_000, description: '45 requests' });
    const changedAt = Date.now();
    await writer.rateLimitChanged('c-budget', 20, 8);
    await waitFor(() => completed('c-budget'), { timeoutMs: 60_000, description: 'backfill completed' });

    const times = arrivalsOf(account.subdomain).map((r) => r.at);
    const gaps = times.map((t, i) => t - (times[i - 1] ?? t));
    expect(maxInAnyWindow(times, WINDOW_MS), JSON.stringify(gaps)).toBeLessThanOrEqual(20);
    // Requests granted before the change still count in the window that follows it.
    const after = times.filter((t) => t >= changedAt + WINDOW_MS + 500);
    expect(after.length).toBeGreaterThan(8);
    expect(maxInAnyWindow(after, WINDOW_MS)).toBeLessThanOrEqual(8);
    expect(sim.control.requests({ account: account.subdomain }).filter((r) => r.status === 429)).toHaveLength(0);
    expect(await publishedAll('c-budget', account)).toBe(true);
  }, 120_000);

  it('honours 429 and Retry-After when the account allows less than the budget, losing nothing', async () => {
    const authorizedAt = new Date();
    const account = seedAccount(sim, 'tight-acme', {
      users: 300,
      auditPerDay: 200,
      days: 7,
      rateLimitPerMinute: 8,
      rateLimitWindowMs: WINDOW_MS,
    });
    // Read before the collector competes for the same small account quota.
    const expected = [...(await allAuditIds(sim, account))].map((id) => activityIdFor(account.subdomain, id));
    const startedAt = new Date().toISOString();
    await writer.registered('c-tight', account.subdomain, 20);
    await writer.authorized('c-tight', account.adminToken, authorizedAt);
    await waitFor(() => completed('c-tight'), { timeoutMs: 60_000, description: 'backfill completed' });
    const published = () =>
      new Set(activities.events.filter((e) => e.connectorId === 'c-tight').map((e) => e.data.activityId));
    await waitFor(() => expected.every((id) => published().has(id)), { description: 'every activity' });
    expect(published()).toEqual(new Set(expected));

    const log = sim.control.requests({ account: account.subdomain }).filter((r) => r.timestamp >= startedAt);
    const rejected = log.filter((r) => r.status === 429).length;
    // Without Retry-After and the quota headers, 20 attempts against 8 allowed per window would be
    // rejected more often than not; honouring them keeps rejections rare.
    expect(rejected / log.length).toBeLessThan(0.15);
  });
});

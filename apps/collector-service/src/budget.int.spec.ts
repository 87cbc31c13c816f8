import { activityIdFor } from '@zc/contracts';
import { waitFor } from '@zc/testing';
import { describe, expect, it } from 'vitest';
import { maxInAnyWindow } from './testing/collector-fixture';
import { allAuditIds, seedAccount } from './testing/sim';
import { useCollectorRig } from './testing/collector-rig';

/**
 * The budget's window is shrunk to 2 s (BUDGET_WINDOW, and the simulator's rateLimitWindowMs) so a
 * test sees many windows in seconds; the limiter's logic does not depend on the window length.
 */
const WINDOW_MS = 2_000;

describe('per-connector request budget', () => {
  const rig = useCollectorRig({
    fileUrl: import.meta.url,
    instanceId: 'budgeted',
    env: { BUDGET_WINDOW: `${WINDOW_MS}ms` },
  });

  const arrivalsOf = (account: string) =>
    rig.sim.arrivals.filter((r) => r.account === account && r.userAgent.startsWith('zc-collector/'));
  const completed = (connectorId: string) =>
    rig.collection.events.some((event) => event.connectorId === connectorId && event.type === 'BackfillCompleted');
  const publishedAll = async (connectorId: string, account: Parameters<typeof allAuditIds>[1]) => {
    const expected = [...(await allAuditIds(rig.sim, account))].map((id) => activityIdFor(account.subdomain, id));
    const published = new Set(
      rig.activities.events.filter((e) => e.connectorId === connectorId).map((e) => e.data.activityId),
    );
    return expected.every((id) => published.has(id)) && published.size === expected.length;
  };

  it('never sends more than the budget in any window, and applies a lower budget without restart', async () => {
    const authorizedAt = new Date();
    const account = seedAccount(rig.sim, 'budget-acme', { users: 100, auditPerDay: 1_200, days: 7 });
    await rig.writer.registered('c-budget', account.subdomain, 20);
    await rig.writer.authorized('c-budget', account.adminToken, authorizedAt);
    await waitFor(() => arrivalsOf(account.subdomain).length >= 45, { timeoutMs: 30_000, description: '45 requests' });
    const changedAt = Date.now();
    await rig.writer.rateLimitChanged('c-budget', 20, 8);
    await waitFor(() => completed('c-budget'), { timeoutMs: 60_000, description: 'backfill completed' });

    const times = arrivalsOf(account.subdomain).map((r) => r.at);
    const gaps = times.map((t, i) => t - (times[i - 1] ?? t));
    expect(maxInAnyWindow(times, WINDOW_MS), JSON.stringify(gaps)).toBeLessThanOrEqual(20);
    // Requests granted before the change still count in the window that follows it.
    const after = times.filter((t) => t >= changedAt + WINDOW_MS + 500);
    expect(after.length).toBeGreaterThan(8);
    expect(maxInAnyWindow(after, WINDOW_MS)).toBeLessThanOrEqual(8);
    expect(rig.sim.control.requests({ account: account.subdomain }).filter((r) => r.status === 429)).toHaveLength(0);
    expect(await publishedAll('c-budget', account)).toBe(true);
  }, 120_000);

  it('honours 429 and Retry-After when the account allows less than the budget, losing nothing', async () => {
    const authorizedAt = new Date();
    const account = seedAccount(rig.sim, 'tight-acme', {
      users: 300,
      auditPerDay: 200,
      days: 7,
      rateLimitPerMinute: 8,
      rateLimitWindowMs: WINDOW_MS,
    });
    // Read before the collector competes for the same small account quota.
    const expected = [...(await allAuditIds(rig.sim, account))].map((id) => activityIdFor(account.subdomain, id));
    const startedAt = new Date().toISOString();
    await rig.writer.registered('c-tight', account.subdomain, 20);
    await rig.writer.authorized('c-tight', account.adminToken, authorizedAt);
    await waitFor(() => completed('c-tight'), { timeoutMs: 60_000, description: 'backfill completed' });
    const published = () =>
      new Set(rig.activities.events.filter((e) => e.connectorId === 'c-tight').map((e) => e.data.activityId));
    await waitFor(() => expected.every((id) => published().has(id)), { description: 'every activity' });
    expect(published()).toEqual(new Set(expected));

    const log = rig.sim.control.requests({ account: account.subdomain }).filter((r) => r.timestamp >= startedAt);
    const rejected = log.filter((r) => r.status === 429).length;
    // Without Retry-After and the quota headers, 20 attempts against 8 allowed per window would be
    // rejected more often than not; honouring them keeps rejections rare.
    expect(rejected / log.length).toBeLessThan(0.15);
  });
});

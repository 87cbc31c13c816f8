import { activityIdFor, FIRST_SEQUENCE } from '@zc/contracts';
import { waitFor } from '@zc/testing';
import { describe, expect, it } from 'vitest';
import { allAuditIds, seedAccount } from './testing/sim';
import { useCollectorRig } from './testing/collector-rig';

/**
 * Backfill at the acceptance size, 7 days × 5,000 audit entries and 5,000 users, then continuous
 * collection of new entries. The budget is raised so the test measures completeness, not waiting.
 */
describe('collector backfill and continuous collection', () => {
  const rig = useCollectorRig({ fileUrl: import.meta.url, instanceId: 'solo' });

  it('publishes every audit entry and user of the 7 days once, then keeps collecting', async () => {
    // Authorized as of before seeding: the seeded week then lies wholly inside the backfill window.
    const authorizedAt = new Date();
    const account = seedAccount(rig.sim, 'backfill-acme', {
      users: 5_000,
      auditPerDay: 5_000,
      days: 7,
      rateLimitPerMinute: 100_000,
      name: 'Acme Backfill Inc.',
    });
    const suspended = rig.sim.control.listUsers(account.subdomain).find((user) => user.role === 'end-user');
    if (suspended) rig.sim.control.setUserSuspended(account.subdomain, suspended.id, true);
    await rig.writer.registered('c-backfill', account.subdomain, 6_000);
    await rig.writer.authorized('c-backfill', account.adminToken, authorizedAt);

    await waitFor(() => rig.collection.events.some((event) => event.type === 'BackfillCompleted'), {
      timeoutMs: 180_000,
      description: 'BackfillCompleted',
    });
    const expected = [...(await allAuditIds(rig.sim, account))].map((id) => activityIdFor(account.subdomain, id));
    const published = () => new Set(rig.activities.events.map((event) => event.data.activityId));
    await waitFor(
      () => {
        const seen = published();
        return expected.every((id) => seen.has(id));
      },
      { description: 'every seeded activity' },
    );
    expect(published()).toEqual(new Set(expected));
    expect(expected.length).toBeGreaterThanOrEqual(34_000);

    // Gap-free per-connector sequence, and each activity published exactly once without a crash.
    const sequences = rig.activities.events.map((event) => event.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, index) => FIRST_SEQUENCE + index));
    // Every user exactly as the simulator holds it (end users, suspended users and all), not a count.
    const latest = new Map(rig.users.events.map((event) => [event.data.id, event.data] as const));
    const held = rig.sim.control.listUsers(account.subdomain);
    expect(new Set(latest.keys())).toEqual(new Set(held.map((user) => user.id)));
    expect(held.some((user) => user.role === 'end-user')).toBe(true);
    expect(held.some((user) => user.suspended)).toBe(true);
    for (const user of held) {
      expect(latest.get(user.id)).toMatchObject({ role: user.role, suspended: user.suspended, email: user.email });
    }

    const types = rig.collection.events.map((event) => event.type);
    // The term's cadence right after the start, before any progress: the projection can judge silence from then on.
    expect(types.slice(0, 2)).toEqual(['CollectionStarted', 'CollectionHeartbeat']);
    expect(types).toContain('BackfillProgressed');
    expect(types).toContain('CoverageRecorded');

    // Continuous: a new entry is published by the next poll, as a system activity named as Zendesk names the
    // account (not by its subdomain).
    const [late] = rig.sim.control.addAuditEntries(account.subdomain, { entries: [{ system: true }] });
    await waitFor(() => published().has(activityIdFor(account.subdomain, late ?? 0)), { description: 'new entry' });
    const system = rig.activities.events.find((event) => event.data.auditLogId === late);
    expect(system?.data.actor).toMatchObject({ type: 'system', name: 'Acme Backfill Inc.' });
  }, 300_000);

  it('serves probes, metrics and the internal collection state', async () => {
    await waitFor(async () => (await rig.collector.app.inject({ url: '/readyz' })).statusCode === 200, {
      description: 'ready',
    });
    const state = await rig.collector.app.inject({ url: '/v1/collection/c-backfill' });
    expect(state.statusCode).toBe(200);
    expect(state.json()).toMatchObject({
      connectorId: 'c-backfill',
      status: 'active',
      owner: { instanceId: 'solo' },
      backfill: { completed: true },
    });
    expect(state.body).not.toContain('ciphertext');
    const metrics = (await rig.collector.app.inject({ url: '/metrics' })).body;
    expect(metrics).toContain(
      'zc_zendesk_requests_total{connector_id="c-backfill",endpoint="/audit_logs",status="200"',
    );
    expect(metrics).toContain('zc_backfill_progress_ratio{connector_id="c-backfill",capability="audit_logs"');
    expect(metrics).toContain('zc_activity_freshness_seconds_bucket');
  });
});

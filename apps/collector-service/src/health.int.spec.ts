import { waitFor } from '@zc/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CollectionEvent } from '@zc/contracts';
import { issueAdminToken, seedAccount, type SeededAccount } from './testing/sim';
import { useCollectorRig } from './testing/collector-rig';

describe('capability health when Zendesk changes under a running collection', () => {
  let account: SeededAccount;

  const rig = useCollectorRig({ fileUrl: import.meta.url, instanceId: 'healthy' });

  beforeAll(async () => {
    account = seedAccount(rig.sim, 'health-acme', { users: 20, auditPerDay: 50, days: 7 });
    await rig.writer.registered('c-health', account.subdomain, 200);
    await rig.writer.authorized('c-health', account.adminToken);
    await waitFor(() => rig.collection.events.some((e) => e.type === 'BackfillCompleted'), { description: 'backfill' });
  });

  const health = (type: 'CapabilityFailed' | 'CapabilityRecovered', capability: string, code: string) => () =>
    rig.collection.events.some(
      (e: CollectionEvent) =>
        e.type === type &&
        'capability' in e.data &&
        e.data.capability === capability &&
        'code' in e.data &&
        e.data.code === code,
    );
  const collectsAgain = async () => {
    const [id] = rig.sim.control.addAuditEntries(account.subdomain, { entries: [{}] });
    await waitFor(() => rig.activities.events.some((e) => e.data.auditLogId === id), { description: 'collects again' });
  };

  it('reports a plan without audit logs, keeps users going, and recovers when the plan returns', async () => {
    rig.sim.control.updateAccount(account.subdomain, { plan: 'professional' });
    await waitFor(health('CapabilityFailed', 'audit_logs', 'PLAN_NOT_SUPPORTED'), { description: 'plan failure' });
    expect(health('CapabilityFailed', 'users', 'PLAN_NOT_SUPPORTED')()).toBe(false);
    rig.sim.control.updateAccount(account.subdomain, { plan: 'enterprise' });
    await waitFor(health('CapabilityRecovered', 'audit_logs', 'PLAN_NOT_SUPPORTED'), { description: 'plan recovery' });
    await collectsAgain();
  });

  it('warns of an admin demotion from the role check, and recovers once the user is admin again', async () => {
    rig.sim.control.setUserRole(account.subdomain, account.adminId, { role: 'agent' });
    await waitFor(health('CapabilityFailed', 'audit_logs', 'ADMIN_DEMOTED'), { description: 'demotion' });
    rig.sim.control.setUserRole(account.subdomain, account.adminId, { role: 'admin' });
    await waitFor(health('CapabilityRecovered', 'audit_logs', 'ADMIN_DEMOTED'), { description: 'promotion' });
    await collectsAgain();
  });

  it('pauses on a revoked token without refreshing it, and resumes with the token the auth service sends', async () => {
    const requestsBefore = rig.sim.control
      .requests({ account: account.subdomain })
      .filter((r) => r.path === '/oauth/tokens');
    rig.sim.control.revokeTokens(account.subdomain, { all: true });
    await waitFor(health('CapabilityFailed', 'token', 'TOKEN_INVALID'), { description: 'token failure' });
    expect(rig.collector.scheduler.running()).toContain('c-health');
    await rig.writer.tokenRefreshed('c-health', issueAdminToken(rig.sim, account));
    await waitFor(health('CapabilityRecovered', 'token', 'TOKEN_INVALID'), { description: 'token recovery' });
    await collectsAgain();
    // The collector never called the token endpoint itself.
    const requestsAfter = rig.sim.control
      .requests({ account: account.subdomain })
      .filter((r) => r.path === '/oauth/tokens');
    expect(requestsAfter).toHaveLength(requestsBefore.length);
  });

  it('stops collecting and lets the lease go when the connector is disconnected', async () => {
    await rig.writer.disconnected('c-health');
    await waitFor(() => !rig.collector.scheduler.running().includes('c-health'), { description: 'worker stopped' });
    const state = await rig.collector.app.inject({ url: '/v1/collection/c-health' });
    expect(state.json()).toMatchObject({ status: 'disconnected', owner: { instanceId: null } });
  });
});

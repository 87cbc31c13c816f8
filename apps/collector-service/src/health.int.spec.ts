import { waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CollectionEvent } from '@zc/contracts';
import type { Collector } from './runtime';
import type { ConnectorEventWriter } from './testing/connector-events';
import { issueAdminToken, seedAccount, type RunningSim, type SeededAccount } from './testing/sim';
import type { TopicRecorder } from './testing/topic-recorder';
import { startCollectorRig, type CollectorRig } from './testing/collector-rig';

describe('capability health when Zendesk changes under a running collection', () => {
  let rig: CollectorRig;
  let sim: RunningSim;
  let writer: ConnectorEventWriter;
  let collector: Collector;
  let account: SeededAccount;
  let activities: TopicRecorder<'zendesk.activities'>;
  let collection: TopicRecorder<'collection.events'>;

  beforeAll(async () => {
    rig = await startCollectorRig({
      fileUrl: import.meta.url,
      brokers: inject('kafkaBrokers'),
      mongoUri: inject('mongoUri'),
      instanceId: 'healthy',
    });
    ({ sim, collector, writer, activities, collection } = rig);
    account = seedAccount(sim, 'health-acme', { users: 20, auditPerDay: 50, days: 7 });
    await writer.registered('c-health', account.subdomain, 200);
    await writer.authorized('c-health', account.adminToken);
    await waitFor(() => collection.events.some((e) => e.type === 'BackfillCompleted'), { description: 'backfill' });
  });

  afterAll(async () => {
    await rig.stop();
  });

  const health = (type: 'CapabilityFailed' | 'CapabilityRecovered', capability: string, code: string) => () =>
    collection.events.some(
      (e: CollectionEvent) =>
        e.type === type &&
        'capability' in e.data &&
        e.data.capability === capability &&
        'code' in e.data &&
        e.data.code === code,
    );
  const collectsAgain = async () => {
    const [id] = sim.control.addAuditEntries(account.subdomain, { entries: [{}] });
    await waitFor(() => activities.events.some((e) => e.data.auditLogId === id), { description: 'collects again' });
  };

  it('reports a plan without audit logs, keeps users going, and recovers when the plan returns', async () => {
    sim.control.updateAccount(account.subdomain, { plan: 'professional' });
    await waitFor(health('CapabilityFailed', 'audit_logs', 'PLAN_NOT_SUPPORTED'), { description: 'plan failure' });
    expect(health('CapabilityFailed', 'users', 'PLAN_NOT_SUPPORTED')()).toBe(false);
    sim.control.updateAccount(account.subdomain, { plan: 'enterprise' });
    await waitFor(health('CapabilityRecovered', 'audit_logs', 'PLAN_NOT_SUPPORTED'), { description: 'plan recovery' });
    await collectsAgain();
  });

  it('warns of an admin demotion from the role check, and recovers once the user is admin again', async () => {
    sim.control.setUserRole(account.subdomain, account.adminId, { role: 'agent' });
    await waitFor(health('CapabilityFailed', 'audit_logs', 'ADMIN_DEMOTED'), { description: 'demotion' });
    sim.control.setUserRole(account.subdomain, account.adminId, { role: 'admin' });
    await waitFor(health('CapabilityRecovered', 'audit_logs', 'ADMIN_DEMOTED'), { description: 'promotion' });
    await collectsAgain();
  });

  it('pauses on a revoked token without refreshing it, and resumes with the token the auth service sends', async () => {
    const requestsBefore = sim.control
      .requests({ account: account.subdomain })
      .filter((r) => r.path === '/oauth/tokens');
    sim.control.revokeTokens(account.subdomain, { all: true });
    await waitFor(health('CapabilityFailed', 'token', 'TOKEN_INVALID'), { description: 'token failure' });
    expect(collector.scheduler.running()).toContain('c-health');
    await writer.tokenRefreshed('c-health', issueAdminToken(sim, account));
    await waitFor(health('CapabilityRecovered', 'token', 'TOKEN_INVALID'), { description: 'token recovery' });
    await collectsAgain();
    // The collector never called the token endpoint itself.
    const requestsAfter = sim.control
      .requests({ account: account.subdomain })
      .filter((r) => r.path === '/oauth/tokens');
    expect(requestsAfter).toHaveLength(requestsBefore.length);
  });

  it('stops collecting and lets the lease go when the connector is disconnected', async () => {
    await writer.disconnected('c-health');
    await waitFor(() => !collector.scheduler.running().includes('c-health'), { description: 'worker stopped' });
    const state = await collector.app.inject({ url: '/v1/collection/c-health' });
    expect(state.json()).toMatchObject({ status: 'disconnected', owner: { instanceId: null } });
  });
});

import { waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clientsOf, compareActivities, connectNewAccount, sameSet, type ConnectedAccount } from '../system/scenario';
import { simAuditLogIds } from '../system/sim-control';
import { startSystem, type System } from '../system/system';

let system: System;
let clients: ReturnType<typeof clientsOf>;
let connected: ConnectedAccount;

beforeAll(async () => {
  system = await startSystem({
    infra: { kafkaBrokers: inject('kafkaBrokers'), mongoUri: inject('mongoUri') },
    fileUrl: import.meta.url,
  });
  clients = clientsOf(system);
});

afterAll(async () => {
  await system?.shutdown();
});

describe('connect → backfill → continuous collection → views', () => {
  it('connects an account through OAuth as its Zendesk admin', async () => {
    connected = await connectNewAccount(system, `e2e-flow-${system.identity.id.slice(-6)}`, {
      auditPerDay: 40,
      days: 8,
    });
    expect(connected.connector.state).toBe('authorized');
    expect(connected.connector.authorization?.zendeskUser.role).toBe('admin');
    expect(JSON.stringify(connected.connector)).not.toContain(connected.account.clientSecret);
  });

  it('backfills the 7 days before the connection', async () => {
    const id = connected.connector.id;
    const state = await waitFor(
      async () => {
        const collection = await clients.collection(id);
        return collection?.backfill?.completed === true ? collection : null;
      },
      { timeoutMs: 90_000, intervalMs: 500, description: 'the backfill to complete (collector view)' },
    );
    const from = new Date(state.backfill?.from ?? 0);
    expect(Date.now() - from.getTime()).toBeGreaterThan(6.9 * 86_400_000);
    expect(Date.now() - from.getTime()).toBeLessThan(7.1 * 86_400_000);
    const window = { from, to: new Date(state.checkpoint?.auditLogsAt ?? 0) };
    const expected = await simAuditLogIds(clients.sim, connected.account, window);
    expect(state.checkpoint?.activitiesPublished ?? 0).toBeGreaterThanOrEqual(expected.size);
  });

  it('shows the connector Connected and the backfilled activities equal to Zendesk’s set', async () => {
    const id = connected.connector.id;
    const status = await waitFor(
      async () => {
        const view = await clients.query.status(id);
        return view.status === 'Connected' ? view : null;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'projection status Connected' },
    );
    expect(status.connectorId).toBe(id);
    const collection = await clients.collection(id);
    const window = {
      from: new Date(collection?.backfill?.from ?? 0),
      to: new Date(collection?.checkpoint?.auditLogsAt ?? 0),
    };
    const comparison = await waitFor(
      async () => {
        const c = await compareActivities(clients.sim, clients.query, connected.account, id, window);
        return sameSet(c) ? c : null;
      },
      { timeoutMs: 60_000, intervalMs: 1_000, description: 'the activity view to equal the simulator set' },
    );
    expect(comparison.expected).toBeGreaterThan(200);
  });

  it('collects new audit entries continuously', async () => {
    const id = connected.connector.id;
    const before = (await clients.collection(id))?.checkpoint?.activitiesPublished ?? 0;
    const ids = await clients.sim.addAuditEntries(connected.account.subdomain, [
      { action: 'login', sourceType: 'user', sourceLabel: 'Ada Admin' },
      { action: 'update', system: true, sourceType: 'account_setting', changeDescription: 'Changed' },
    ]);
    await waitFor(
      async () => ((await clients.collection(id))?.checkpoint?.activitiesPublished ?? 0) >= before + ids.length,
      { timeoutMs: 60_000, intervalMs: 500, description: 'the collector to publish the new entries' },
    );
    await waitFor(
      async () => {
        const items = await clients.query.activities({
          connectorId: id,
          from: new Date(Date.now() - 600_000).toISOString(),
        });
        return ids.every((auditLogId) => items.some((item) => item.auditLogId === auditLogId));
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'the new entries in the activity view' },
    );
  });

  it('exposes every metric of design §8 with sensible values after the run', async () => {
    const scrape = async (name: 'auth-service' | 'collector-service' | 'projection-service') =>
      (await fetch(`${system.urls[name]}/metrics`)).text();
    const sample = (text: string, pattern: string) =>
      text
        .split('\n')
        .filter((line) => !line.startsWith('#') && new RegExp(pattern).test(line))
        .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));

    const auth = await scrape('auth-service');
    expect(sample(auth, '^zc_outbox_lag_events')).toEqual([expect.any(Number)]);

    const collector = await scrape('collector-service');
    const okRequests = sample(collector, '^zc_zendesk_requests_total\\{.*status="200"');
    expect(okRequests.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
    expect(sample(collector, '^zc_zendesk_budget_utilization_ratio').every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(sample(collector, '^zc_backfill_progress_ratio\\{.*capability="audit_logs"')).toContain(1);
    expect(sample(collector, '^zc_activity_freshness_seconds_count').some((v) => v > 0)).toBe(true);

    const projection = await waitFor(
      async () => {
        const text = await scrape('projection-service');
        return /^kafka_consumergroup_lag\{/m.test(text) ? text : null;
      },
      { timeoutMs: 60_000, intervalMs: 1_000, description: 'consumer lag on the projection service' },
    );
    expect(sample(projection, '^kafka_consumergroup_lag_seconds\\{').every((v) => v >= 0)).toBe(true);
    expect(sample(projection, '^zc_activity_freshness_seconds_count').some((v) => v > 0)).toBe(true);
    expect(sample(projection, '^zc_connector_status\\{.*status="Connected"')).toContain(1);
  });
});

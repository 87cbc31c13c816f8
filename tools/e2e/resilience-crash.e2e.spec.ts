import { waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { consentAtZendesk, followCallback } from '../system/oauth-flow';
import {
  clientsOf,
  connectNewAccount,
  registerNewAccount,
  settledAndEqual,
  type ConnectedAccount,
} from '../system/scenario';
import { startSystem, type System } from '../system/system';

// kill -9 of each service in turn, mid-flow; after each restart the view equals Zendesk's set again.
let system: System;
let clients: ReturnType<typeof clientsOf>;
let first: ConnectedAccount;

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

describe('kill -9 mid-flow', () => {
  it('collector killed during the backfill: a restarted one finishes it, nothing lost or twice', async () => {
    // Slow pages make the backfill last long enough to be caught in the middle.
    first = await connectNewAccount(system, `e2e-crash-${system.identity.id.slice(-6)}`, {
      auditPerDay: 60,
      settings: { latencyMs: 250 },
    });
    const midway = await waitFor(
      async () => {
        const state = await clients.collection(first.connector.id);
        return state?.backfill !== null && state?.backfill !== undefined ? state : null;
      },
      { timeoutMs: 60_000, intervalMs: 100, description: 'the backfill to start' },
    );
    await system.kill('collector-service');
    expect(midway.backfill?.completed).toBe(false);
    await system.restart('collector-service');
    await clients.sim.setLatency(first.account.subdomain, 0);
    await settledAndEqual(system, first);
  });

  it('projection killed while consuming: the restarted one catches up without duplicates', async () => {
    const ids = await clients.sim.addAuditEntries(
      first.account.subdomain,
      Array.from({ length: 30 }, (_, i) => ({ action: 'update' as const, changeDescription: `burst ${String(i)}` })),
    );
    await system.kill('projection-service');
    const more = await clients.sim.addAuditEntries(first.account.subdomain, [{ action: 'login' }]);
    await waitFor(
      async () => {
        const published = (await clients.collection(first.connector.id))?.checkpoint?.auditLogsAt ?? '';
        return Date.parse(published) >= Date.now() - 10_000;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'the collector to move on while the projection is down' },
    );
    await system.restart('projection-service');
    const settled = await settledAndEqual(system, first);
    expect(settled.comparison?.expected).toBeGreaterThan(ids.length + more.length);
  });

  it('auth killed between authorize and callback, and right after the callback: the connection still lands', async () => {
    const { account, connector } = await registerNewAccount(system, `e2e-authcrash-${system.identity.id.slice(-6)}`, {
      auditPerDay: 20,
    });
    const { authorizeUrl } = await clients.admin.authorize(connector.id);
    await system.kill('auth-service');
    await system.restart('auth-service');
    const location = await consentAtZendesk(authorizeUrl, { zendeskBaseUrl: system.urls['zendesk-sim'] });
    const outcome = await followCallback(location);
    expect(outcome.ok).toBe(true);
    // Appended to the event store but perhaps not yet relayed to Kafka: the outbox must deliver it after a crash.
    await system.kill('auth-service');
    await system.restart('auth-service');
    expect((await clients.admin.get(connector.id)).state).toBe('authorized');
    await settledAndEqual(system, { account, connector, oauth: outcome });
  });

  it('the first connector is still whole after every crash', async () => {
    await settledAndEqual(system, first);
  });
});

import { waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { completeOAuth } from '../system/oauth-flow';
import { clientsOf, connectNewAccount, settledAndEqual, type ConnectedAccount } from '../system/scenario';
import { startSystem, type System } from '../system/system';

// Zendesk misbehaving (sim faults) and changing under us; after each, the view equals Zendesk's set.
let system: System;
let clients: ReturnType<typeof clientsOf>;
let connected: ConnectedAccount;
const withProjection = () => system.services.includes('projection-service');
const sub = () => connected.account.subdomain;

/** New entries now, and the time the collector must have covered to have seen them. */
async function newEntries(count: number): Promise<Date> {
  // The collector's checkpoint is the newest created_at it published, at Zendesk's second precision.
  const before = Math.floor(Date.now() / 1000) * 1000;
  await clients.sim.addAuditEntries(
    sub(),
    Array.from({ length: count }, (_, i) => ({ action: 'update' as const, changeDescription: `entry ${String(i)}` })),
  );
  return new Date(before);
}

const healthOf = async (capability: string) =>
  (await clients.collection(connected.connector.id))?.health?.[capability]?.failing ?? null;

/** Waits until the projection's status tells the given truth (status and reason); null without a projection. */
async function statusTells(
  statuses: readonly string[],
  reason: string,
): Promise<{ status: string; reason?: string } | null> {
  if (!withProjection()) return null;
  return waitFor(
    async () => {
      const view = await clients.query.status(connected.connector.id);
      return statuses.includes(view.status) && view.reason === reason ? view : null;
    },
    {
      timeoutMs: 60_000,
      intervalMs: 500,
      description: `the projection status to be ${statuses.join('|')} (${reason})`,
    },
  );
}

beforeAll(async () => {
  system = await startSystem({
    infra: { kafkaBrokers: inject('kafkaBrokers'), mongoUri: inject('mongoUri') },
    fileUrl: import.meta.url,
  });
  clients = clientsOf(system);
  connected = await connectNewAccount(system, `e2e-faults-${system.identity.id.slice(-6)}`, { auditPerDay: 30 });
  await settledAndEqual(system, connected);
});

afterAll(async () => {
  await system?.shutdown();
});

describe('Zendesk faults', () => {
  it('a 429 storm: Retry-After is honoured and nothing is lost', async () => {
    const since = Date.now();
    await clients.sim.failNext(sub(), {
      status: 429,
      count: 5,
      retryAfterSeconds: 1,
      pathPrefix: '/api/v2/audit_logs',
    });
    const until = await newEntries(5);
    await settledAndEqual(system, connected, { coveredUntil: until });
    const limited = (await clients.sim.requests(sub())).filter(
      (r) => r.status === 429 && Date.parse(r.timestamp) >= since,
    );
    expect(limited.length).toBe(5);
    const gaps = limited.slice(1).map((r, i) => Date.parse(r.timestamp) - Date.parse(limited[i]?.timestamp ?? ''));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(900);
  });

  it('5xx answers are retried', async () => {
    await clients.sim.failNext(sub(), { status: 503, count: 3, pathPrefix: '/api/v2/audit_logs' });
    await clients.sim.failNext(sub(), { status: 500, count: 3, body: 'html', pathPrefix: '/api/v2/audit_logs' });
    const until = await newEntries(5);
    await settledAndEqual(system, connected, { coveredUntil: until });
  });

  it('slow responses only slow collection down', async () => {
    await clients.sim.setLatency(sub(), 1_500);
    const until = await newEntries(3);
    await settledAndEqual(system, connected, { coveredUntil: until });
    await clients.sim.setLatency(sub(), 0);
  });

  it('malformed JSON is retried, never recorded', async () => {
    await clients.sim.failNext(sub(), {
      status: 200,
      count: 3,
      body: 'malformed-json',
      pathPrefix: '/api/v2/audit_logs',
    });
    const until = await newEntries(4);
    await settledAndEqual(system, connected, { coveredUntil: until });
  });

  it('a demoted admin is reported, and collection resumes once they are admin again', async () => {
    await clients.sim.setUserRole(sub(), connected.account.admin.id, 'agent');
    const during = await newEntries(3);
    await waitFor(
      async () => (await healthOf('audit_logs')) === 'ADMIN_DEMOTED' || (await healthOf('users')) === 'ADMIN_DEMOTED',
      {
        timeoutMs: 60_000,
        intervalMs: 500,
        description: 'the collector to report ADMIN_DEMOTED',
      },
    );
    await statusTells(['Degraded', 'Error'], 'ADMIN_DEMOTED');
    await clients.sim.setUserRole(sub(), connected.account.admin.id, 'admin');
    await settledAndEqual(system, connected, { coveredUntil: during });
  });

  it('a revoked token pauses the connector until it is connected again; nothing is lost', async () => {
    await clients.sim.revokeTokens(sub(), { all: true });
    const during = await newEntries(3);
    await waitFor(async () => (await healthOf('token')) === 'TOKEN_INVALID', {
      timeoutMs: 60_000,
      intervalMs: 500,
      description: 'the collector to report TOKEN_INVALID',
    });
    await statusTells(['Error'], 'TOKEN_INVALID');
    const reconnected = await completeOAuth(clients.admin, connected.connector.id, {
      zendeskBaseUrl: system.urls['zendesk-sim'],
    });
    expect(reconnected.ok).toBe(true);
    await settledAndEqual(system, connected, { coveredUntil: during });
  });
});

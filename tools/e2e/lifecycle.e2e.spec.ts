import { waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clientsOf, connectNewAccount, settledAndEqual, type ConnectedAccount } from '../system/scenario';
import { simTokenAlive } from '../system/sim-control';
import { startSystem, type System } from '../system/system';

let system: System;
let clients: ReturnType<typeof clientsOf>;
let kept: ConnectedAccount;
let leaving: ConnectedAccount;
const withProjection = () => system.services.includes('projection-service');

const backfilled = (id: string) =>
  waitFor(
    async () => {
      const state = await clients.collection(id);
      return state?.backfill?.completed === true ? state : null;
    },
    { timeoutMs: 90_000, intervalMs: 500, description: `backfill of ${id}` },
  );

beforeAll(async () => {
  system = await startSystem({
    infra: { kafkaBrokers: inject('kafkaBrokers'), mongoUri: inject('mongoUri') },
    fileUrl: import.meta.url,
  });
  clients = clientsOf(system);
  const suffix = system.identity.id.slice(-6);
  [kept, leaving] = await Promise.all([
    connectNewAccount(system, `e2e-kept-${suffix}`, { auditPerDay: 30 }),
    connectNewAccount(system, `e2e-leaving-${suffix}`, { auditPerDay: 30 }),
  ]);
  await Promise.all([backfilled(kept.connector.id), backfilled(leaving.connector.id)]);
});

afterAll(async () => {
  await system?.shutdown();
});

describe('re-collect a window', () => {
  it('fetches the window again and the view still holds each activity once', async () => {
    const id = kept.connector.id;
    const from = new Date(Date.now() - 2 * 86_400_000);
    const to = new Date(Date.now() - 86_400_000);
    const since = Date.now();
    const accepted = await clients.admin.recollect(id, { from: from.toISOString(), to: to.toISOString() });
    expect(accepted.id).toBe(id);
    const fromSecond = from.toISOString().slice(0, 19);
    await waitFor(
      async () =>
        (await clients.sim.requests(kept.account.subdomain)).some(
          (r) =>
            Date.parse(r.timestamp) >= since &&
            r.path.startsWith('/api/v2/audit_logs') &&
            JSON.stringify(r.query).includes(fromSecond),
        ),
      { timeoutMs: 60_000, intervalMs: 500, description: 'an audit-log request for the re-collected window' },
    );
    await waitFor(async () => (await clients.collection(id))?.checkpoint !== null, { description: 'checkpoint' });
    const settled = await settledAndEqual(system, kept, { timeoutMs: 60_000 });
    if (settled.comparison) expect(settled.comparison.duplicates).toEqual([]);
  });
});

describe('disconnect', () => {
  it('revokes the token at Zendesk and stops collecting', async () => {
    const id = leaving.connector.id;
    const tokenId = (await clients.admin.get(id)).authorization?.token.zendeskTokenId ?? -1;
    expect(await simTokenAlive(clients.sim, leaving.account, tokenId)).toBe(true);

    const disconnected = await clients.admin.disconnect(id);
    const at = Date.now();
    expect(disconnected.state).toBe('disconnected');
    expect(disconnected.disconnected?.tokenRevoked).toBe(true);
    expect(await simTokenAlive(clients.sim, leaving.account, tokenId)).toBe(false);

    await waitFor(async () => (await clients.collection(id))?.status === 'disconnected', {
      timeoutMs: 30_000,
      description: 'the collector to see the disconnect',
    });
    const quietFrom = Date.now();
    await clients.sim.addAuditEntries(leaving.account.subdomain, [{ action: 'login' }]);
    // Progress signal that the collector kept polling: the other account sees several audit-log requests.
    await waitFor(
      async () =>
        (await clients.sim.requests(kept.account.subdomain)).filter(
          (r) => Date.parse(r.timestamp) >= quietFrom && r.path.startsWith('/api/v2/audit_logs'),
        ).length >= 3,
      { timeoutMs: 60_000, intervalMs: 500, description: 'the kept connector to be polled several times' },
    );
    const after = (await clients.sim.requests(leaving.account.subdomain)).filter(
      (r) =>
        Date.parse(r.timestamp) >= quietFrom &&
        r.path.startsWith('/api/v2/') &&
        !r.path.startsWith('/api/v2/oauth/tokens'),
    );
    expect(after).toEqual([]);
    expect(at).toBeLessThan(quietFrom);

    if (!withProjection()) return;
    await waitFor(async () => (await clients.query.status(id)).status === 'Disconnected', {
      timeoutMs: 30_000,
      description: 'projection status Disconnected',
    });
  });
});

import { waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backfillCompleted, clientsOf, connectNewAccount, type ConnectedAccount } from '../system/scenario';
import type { ConnectorStatusView } from '../system/service-clients';
import { startSystem, type System } from '../system/system';
import { FAST_SETTINGS } from '../system/system-config';

// A killed collector must show in the status: COLLECTION_STALLED within 2 × poll interval + lease TTL.
let system: System;
let clients: ReturnType<typeof clientsOf>;
let connected: ConnectedAccount;

const ms = (duration: string | undefined) => {
  const match = /^(\d+)(ms|s)$/.exec(duration ?? '');
  if (!match) throw new Error(`unexpected duration ${String(duration)}`);
  return Number(match[1]) * (match[2] === 's' ? 1_000 : 1);
};
const POLL_MS = ms(FAST_SETTINGS['collector-service']['POLL_INTERVAL']);
const TTL_MS = ms(FAST_SETTINGS['collector-service']['LEASE_TTL']);
const BOUND_MS = 2 * POLL_MS + TTL_MS;
/** How late a reader may notice: the status is evaluated on every read, polled here every 200 ms. */
const READ_SLACK_MS = 1_500;

interface CollectorFacts {
  instanceId: string | null;
  pollIntervalMs: number | null;
  leaseTtlMs: number | null;
  lastProgressAt: string | null;
  silenceBoundMs: number | null;
  stalledSince: string | null;
}
interface HistoryItem {
  from: string;
  to: string;
  reason: string;
  at: string;
  cause: { eventType: string };
}
const collectorOf = (view: ConnectorStatusView) => view['collector'] as CollectorFacts;
const historyOf = async (id: string) => ((await clients.query.history(id)) as { items: HistoryItem[] }).items;

beforeAll(async () => {
  system = await startSystem({
    infra: { kafkaBrokers: inject('kafkaBrokers'), mongoUri: inject('mongoUri') },
    fileUrl: import.meta.url,
  });
  clients = clientsOf(system);
  connected = await connectNewAccount(system, `e2e-stall-${system.identity.id.slice(-6)}`, { auditPerDay: 20 });
  await backfillCompleted(clients, connected.connector.id);
});

afterAll(async () => {
  await system?.shutdown();
});

describe('a silent collector shows in the status', () => {
  it('is Connected while collecting, judged against the cadence the collector announced', async () => {
    // The collector's state says the backfill is done; the projection may not have read that far yet.
    const health = (status: ConnectorStatusView) => status['health'] as Record<string, { state: string }>;
    const view = await waitFor(
      async () => {
        const status = await clients.query.status(connected.connector.id);
        const allOk = Object.values(health(status)).every((capability) => capability.state === 'ok');
        return status.status === 'Connected' && allOk ? status : null;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'Connected, with every capability seen working' },
    );
    // Announced as the term began, so known by the time anything is shown as collecting.
    expect(collectorOf(view)).toMatchObject({ pollIntervalMs: POLL_MS, leaseTtlMs: TTL_MS, silenceBoundMs: BOUND_MS });
    expect(Object.keys(health(view)).sort()).toEqual(['audit_logs', 'token', 'users']);
  });

  it('leaves Connected with COLLECTION_STALLED within the bound after kill -9, and returns after a restart', async () => {
    const id = connected.connector.id;
    await system.kill('collector-service');
    const killedAt = Date.now();
    const stalled = await waitFor(
      async () => {
        const status = await clients.query.status(id);
        return status.status !== 'Connected' ? { status, seenAt: Date.now() } : null;
      },
      { timeoutMs: BOUND_MS + 30_000, intervalMs: 200, description: 'the status to leave Connected' },
    );
    expect(stalled.status).toMatchObject({ status: 'Degraded', reason: 'COLLECTION_STALLED' });
    expect(stalled.status.message).toMatch(/no collector has reported progress/);
    const facts = collectorOf(stalled.status);
    const lastProgress = Date.parse(facts.lastProgressAt ?? '');
    // Progress stopped at the kill at the latest; the stall is declared at last progress + bound.
    expect(lastProgress).toBeLessThanOrEqual(killedAt);
    expect(facts.stalledSince).toBe(new Date(lastProgress + BOUND_MS).toISOString());
    expect(stalled.seenAt - killedAt).toBeLessThanOrEqual(BOUND_MS + READ_SLACK_MS);
    console.info(
      `stall seen ${String(stalled.seenAt - killedAt)} ms after kill -9 (last progress ` +
        `${String(killedAt - lastProgress)} ms before it; bound ${String(BOUND_MS)} ms)`,
    );

    // The sweep stores it: history and the status gauge say so, not only the read.
    await waitFor(
      async () => (await historyOf(id)).some((t) => t.to === 'Degraded' && t.reason === 'COLLECTION_STALLED'),
      { timeoutMs: 15_000, intervalMs: 300, description: 'the stall in the status history' },
    );
    const metrics = await (await fetch(`${system.urls['projection-service']}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`zc_connector_status\\{connector_id="${id}",status="Degraded"[^}]*\\} 1`));

    await system.restart('collector-service');
    const restartedAt = Date.now();
    const back = await waitFor(
      async () => {
        const status = await clients.query.status(id);
        return status.status === 'Connected' ? status : null;
      },
      { timeoutMs: 60_000, intervalMs: 300, description: 'Connected again after the restart' },
    );
    expect(back.reason).toBe('COLLECTING');
    console.info(`Connected again ${String(Date.now() - restartedAt)} ms after the restarted collector was ready`);
    expect(collectorOf(back).stalledSince).toBeNull();
    const history = await historyOf(id);
    const stallIndex = history.findIndex((t) => t.reason === 'COLLECTION_STALLED');
    // Newest first: the recovery precedes the stall in the list.
    const recovery = history.findIndex((t) => t.from === 'Degraded' && t.to === 'Connected');
    expect(recovery).toBeGreaterThanOrEqual(0);
    expect(recovery).toBeLessThan(stallIndex);
    expect(history[stallIndex]?.cause.eventType).toBe('CollectionStalled');
  });
});

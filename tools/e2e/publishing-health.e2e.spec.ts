import { startPrivateStack, type PrivateStack } from '@zc/infra';
import { waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from '../system/http-json';
import {
  clientsOf,
  connectNewAccount,
  registerNewAccount,
  settledAndEqual,
  type ConnectedAccount,
} from '../system/scenario';
import { startSystem, type System } from '../system/system';

// The broker stopped: the collector's and the auth service's health say so, and recover with it.
// Stopping the broker needs a private stack (the shared one serves other files).
let stack: PrivateStack;
let system: System;
let clients: ReturnType<typeof clientsOf>;
let connected: ConnectedAccount;

const OUTBOX_STUCK_AFTER_MS = 3_000;

interface Check {
  name: string;
  status: 'ok' | 'failed' | 'timeout';
  detail?: Record<string, string | number | boolean | null>;
}
interface Readiness {
  status: 'ready' | 'not_ready';
  checks: Check[];
}
const readiness = async (service: 'auth-service' | 'collector-service') => {
  const { body } = await requestJson<Readiness>(`${system.urls[service]}/readyz`, { accept: [503], timeoutMs: 10_000 });
  return body;
};
const check = (body: Readiness, name: string) => body.checks.find((c) => c.name === name);
const metric = async (service: 'collector-service', name: string) => {
  const text = await (await fetch(`${system.urls[service]}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line === undefined ? null : Number(line.slice(line.lastIndexOf(' ') + 1));
};

beforeAll(async () => {
  stack = await startPrivateStack('e2e-publishing');
  system = await startSystem({
    infra: { kafkaBrokers: stack.kafkaBrokers, mongoUri: stack.mongoUri },
    fileUrl: import.meta.url,
    env: {
      'auth-service': { OUTBOX_STUCK_AFTER: `${String(OUTBOX_STUCK_AFTER_MS)}ms` },
      'collector-service': { PUBLISH_BLOCKED_AFTER: '2s' },
    },
  });
  clients = clientsOf(system);
  connected = await connectNewAccount(system, `e2e-pub-${system.identity.id.slice(-6)}`, { auditPerDay: 10 });
  await settledAndEqual(system, connected);
});

afterAll(async () => {
  await system?.shutdown();
  await stack?.stop();
});

describe('Kafka broker down', () => {
  it('is healthy before: the collector publishes, the outbox has nothing waiting', async () => {
    expect(check(await readiness('collector-service'), 'publishing')).toMatchObject({
      status: 'ok',
      detail: { state: 'ok' },
    });
    const outbox = await waitFor(
      async () => {
        const found = check(await readiness('auth-service'), 'outbox');
        return found?.detail?.['state'] === 'publishing' ? found : null;
      },
      { timeoutMs: 30_000, intervalMs: 500, description: 'the outbox to have nothing waiting' },
    );
    expect(outbox).toMatchObject({ status: 'ok', detail: { waitingEvents: 0 } });
  });

  it('says so in the collector’s and the auth service’s health, and both recover with the broker', async () => {
    await stack.kafka.process.kill();

    const blocked = await waitFor(
      async () => {
        const found = check(await readiness('collector-service'), 'publishing');
        return found?.detail?.['state'] === 'blocked' ? found : null;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'the collector to report publishing blocked' },
    );
    expect(blocked.status).toBe('failed');
    expect(await metric('collector-service', 'zc_publishing_blocked')).toBe(1);

    // An admin command while the broker is down: recorded, waiting in the outbox; ready through a blip.
    await registerNewAccount(system, `e2e-pub2-${system.identity.id.slice(-6)}`, { auditPerDay: 5 });
    const waiting = await waitFor(
      async () => {
        const body = await readiness('auth-service');
        const found = check(body, 'outbox');
        return found?.detail?.['state'] === 'waiting' ? { body, found } : null;
      },
      { timeoutMs: 15_000, intervalMs: 200, description: 'the outbox to report events waiting' },
    );
    expect(waiting.found.status).toBe('ok');
    expect(Number(waiting.found.detail?.['waitingEvents'])).toBeGreaterThanOrEqual(1);
    const stuck = await waitFor(
      async () => {
        const body = await readiness('auth-service');
        return check(body, 'outbox')?.detail?.['state'] === 'stuck' ? body : null;
      },
      { timeoutMs: 30_000, intervalMs: 300, description: 'the outbox to report stuck past its threshold' },
    );
    expect(stuck.status).toBe('not_ready');
    expect(Number(check(stuck, 'outbox')?.detail?.['oldestWaitingSeconds'])).toBeGreaterThan(
      OUTBOX_STUCK_AFTER_MS / 1_000,
    );

    // Nothing reaches the projection: the connector's collection has stopped as far as anyone can tell.
    // The bound is seconds here (FAST settings); the margin is for a loaded CI machine.
    let lastSeen = '';
    await waitFor(
      async () => {
        const status = await clients.query.status(connected.connector.id);
        lastSeen = `${String(status.status)}/${String(status.reason)} at ${new Date().toISOString()}, collector ${JSON.stringify(status.collector)}`;
        return status.reason === 'COLLECTION_STALLED';
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'the status to show COLLECTION_STALLED' },
    ).catch((error: unknown) => {
      // Which status it stayed at is what tells a slow machine from a rule that never fires.
      throw new Error(`${error instanceof Error ? error.message : String(error)}; status stayed ${lastSeen}`);
    });

    await stack.restartKafka();
    await waitFor(
      async () => {
        const [collector, auth] = await Promise.all([readiness('collector-service'), readiness('auth-service')]);
        return (
          check(collector, 'publishing')?.detail?.['state'] === 'ok' &&
          check(auth, 'outbox')?.detail?.['state'] === 'publishing' &&
          auth.status === 'ready'
        );
      },
      { timeoutMs: 120_000, intervalMs: 500, description: 'publishing and the outbox to recover' },
    );
    expect(await metric('collector-service', 'zc_publishing_blocked')).toBe(0);
    await settledAndEqual(system, connected, { timeoutMs: 120_000 });
  }, 300_000);
});

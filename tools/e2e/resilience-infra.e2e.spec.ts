import { startPrivateStack, type PrivateStack } from '@zc/infra';
import { waitFor } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReady, startSystem, type System } from '../system/system';
import { completeOAuth } from '../system/oauth-flow';
import {
  clientsOf,
  connectNewAccount,
  registerNewAccount,
  settledAndEqual,
  type ConnectedAccount,
} from '../system/scenario';
import type { ServiceName } from '../system/system-config';

// The shared broker and store cannot be stopped under other files: this file runs its own stack.
let stack: PrivateStack;
let system: System;
let clients: ReturnType<typeof clientsOf>;
let connected: ConnectedAccount;

const SERVICES: ServiceName[] = ['auth-service', 'collector-service', 'projection-service'];
const allReady = () =>
  waitFor(
    async () =>
      (
        await Promise.all(system.services.filter((s) => SERVICES.includes(s)).map((s) => isReady(s, system.urls[s])))
      ).every(Boolean),
    { timeoutMs: 90_000, intervalMs: 500, description: 'every service to be ready again' },
  );

beforeAll(async () => {
  stack = await startPrivateStack('e2e-infra');
  system = await startSystem({
    infra: { kafkaBrokers: stack.kafkaBrokers, mongoUri: stack.mongoUri },
    fileUrl: import.meta.url,
  });
  clients = clientsOf(system);
  connected = await connectNewAccount(system, `e2e-infra-${system.identity.id.slice(-6)}`, { auditPerDay: 30 });
  await settledAndEqual(system, connected);
});

afterAll(async () => {
  await system?.shutdown();
  await stack?.stop();
});

describe('infrastructure outages (private stack)', () => {
  it('Kafka down: admin commands are kept, collection resumes, nothing lost or twice', async () => {
    await stack.kafka.process.kill();
    const until = new Date(Math.floor(Date.now() / 1000) * 1000);
    await clients.sim.addAuditEntries(connected.account.subdomain, [{ action: 'login' }, { action: 'update' }]);
    // An admin connects a second account while the broker is down: the command lands in the event store.
    const second = await registerNewAccount(system, `e2e-infra2-${system.identity.id.slice(-6)}`, { auditPerDay: 10 });
    const oauth = await completeOAuth(clients.admin, second.connector.id, {
      zendeskBaseUrl: system.urls['zendesk-sim'],
    });
    expect(oauth.ok).toBe(true);
    await stack.restartKafka();
    await allReady();
    await settledAndEqual(system, connected, { coveredUntil: until, timeoutMs: 180_000 });
    await settledAndEqual(system, { ...second, oauth }, { timeoutMs: 180_000 });
  }, 400_000);

  it('FerretDB down: readiness says so, and everything catches up after it returns', async () => {
    await stack.mongo.process.kill();
    await waitFor(async () => !(await isReady('auth-service', system.urls['auth-service'])), {
      timeoutMs: 30_000,
      intervalMs: 500,
      description: 'the auth service to report not ready',
    });
    const until = new Date(Math.floor(Date.now() / 1000) * 1000);
    await clients.sim.addAuditEntries(connected.account.subdomain, [{ action: 'login' }, { action: 'exported' }]);
    await stack.restartMongo();
    await allReady();
    await settledAndEqual(system, connected, { coveredUntil: until, timeoutMs: 180_000 });
  }, 300_000);
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  restartFerretDb,
  restartKafkaBroker,
  startStack,
  type InfraPorts,
  type Stack,
  type StackLocation,
} from '@zc/infra';
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
let location: StackLocation;
let stack: Stack;
let kafka: { process: { kill(): Promise<void> }; stop(): Promise<void> };
let mongo: { process: { kill(): Promise<void> }; stop(): Promise<void> };
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
  const dataDir = await mkdtemp(join(tmpdir(), 'zc-e2e-infra-'));
  const ports: InfraPorts = { kafka: await freePort(), kafkaController: await freePort(), mongo: await freePort() };
  location = { dataDir, ports, report: () => undefined };
  stack = await startStack({ report: location.report, dataDir, ports });
  kafka = stack.kafka;
  mongo = stack.mongo;
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
  await Promise.allSettled([kafka?.stop(), mongo?.stop()]);
  if (location) await rm(location.dataDir, { recursive: true, force: true });
});

describe('infrastructure outages (private stack)', () => {
  it('Kafka down: admin commands are kept, collection resumes, nothing lost or twice', async () => {
    await kafka.process.kill();
    const until = new Date(Math.floor(Date.now() / 1000) * 1000);
    await clients.sim.addAuditEntries(connected.account.subdomain, [{ action: 'login' }, { action: 'update' }]);
    // An admin connects a second account while the broker is down: the command lands in the event store.
    const second = await registerNewAccount(system, `e2e-infra2-${system.identity.id.slice(-6)}`, { auditPerDay: 10 });
    const oauth = await completeOAuth(clients.admin, second.connector.id, {
      zendeskBaseUrl: system.urls['zendesk-sim'],
    });
    expect(oauth.ok).toBe(true);
    kafka = await restartKafkaBroker(location);
    await allReady();
    await settledAndEqual(system, connected, { coveredUntil: until, timeoutMs: 180_000 });
    await settledAndEqual(system, { ...second, oauth }, { timeoutMs: 180_000 });
  }, 400_000);

  it('FerretDB down: readiness says so, and everything catches up after it returns', async () => {
    await mongo.process.kill();
    await waitFor(async () => !(await isReady('auth-service', system.urls['auth-service'])), {
      timeoutMs: 30_000,
      intervalMs: 500,
      description: 'the auth service to report not ready',
    });
    const until = new Date(Math.floor(Date.now() / 1000) * 1000);
    await clients.sim.addAuditEntries(connected.account.subdomain, [{ action: 'login' }, { action: 'exported' }]);
    mongo = await restartFerretDb(location);
    await allReady();
    await settledAndEqual(system, connected, { coveredUntil: until, timeoutMs: 180_000 });
  }, 300_000);
});

import type { AddressInfo } from 'node:net';
import { parseEvent, type ConnectorEvent } from '@zc/contracts';
import { createLogger } from '@zc/http';
import { createKafkaClient, jsonValue, runConsumer, silentLogger, type ConsumerRunner } from '@zc/kafka';
import { generateKeySpec } from '@zc/secrets';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test support only: the simulator stands in for Zendesk
import { buildSimulator, type Simulator } from '@zc/zendesk-sim';
import type { DestinationStream } from 'pino';
import { afterAll, beforeAll, inject } from 'vitest';
import { uniqueDatabaseName, uniqueName } from '@zc/testing';
import { AuthConfigSchema } from '../config';
import { createAuthRuntime, type AuthRuntime } from '../runtime';

export const ADMIN_KEY = `zck_0123456789abcdef_${'k'.repeat(43)}`;
export const PUBLIC_BASE_URL = 'https://connector.example.test';
export const REDIRECT_URL = `${PUBLIC_BASE_URL}/api/oauth/saga`;

export interface AuthHarness {
  sim: Simulator;
  simUrl: string;
  runtime: AuthRuntime;
  events: ConnectorEvent[];
  logLines: string[];
  clock: { now(): number; advance(ms: number): void };
  close(): Promise<void>;
}

/** Simulator + auth service (in-process) + a consumer of its connector.events topic, sharing one clock. */
export async function startAuthHarness(options: {
  brokers: string[];
  mongoUri: string;
  dbName: string;
  topicPrefix: string;
  /** ZENDESK_REQUEST_TIMEOUT, when a test needs a short one. */
  zendeskTimeout?: string;
}): Promise<AuthHarness> {
  let now = Date.parse('2026-05-08T12:00:00Z');
  const sim = buildSimulator({ now: () => now });
  await sim.app.listen({ port: 0, host: '127.0.0.1' });
  const simUrl = `http://127.0.0.1:${String((sim.app.server.address() as AddressInfo).port)}`;
  const logLines: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void logLines.push(line) };
  const config = AuthConfigSchema.parse({
    PORT: '0',
    KAFKA_BROKERS: options.brokers.join(','),
    KAFKA_TOPIC_PREFIX: options.topicPrefix,
    KAFKA_TOPIC_PARTITIONS: '1',
    MONGO_URI: options.mongoUri,
    MONGO_DB: options.dbName,
    KEYS_MONGO_DB: `${options.dbName}_keys`,
    ENCRYPTION_KEYS: generateKeySpec('k1'),
    PUBLIC_BASE_URL,
    ZENDESK_HOST_OVERRIDE_URL: simUrl,
    ADMIN_BOOTSTRAP_KEY: ADMIN_KEY,
    OUTBOX_POLL_INTERVAL: '50',
    ...(options.zendeskTimeout === undefined ? {} : { ZENDESK_REQUEST_TIMEOUT: options.zendeskTimeout }),
  });
  const runtime = await createAuthRuntime({
    config,
    logger: createLogger({ serviceName: 'auth-service', level: 'info', destination }),
    now: () => new Date(now),
    startTokenLoop: false,
  });
  const events: ConnectorEvent[] = [];
  const kafka = createKafkaClient({ brokers: options.brokers, clientId: 'auth-test', logger: silentLogger });
  const consumer: ConsumerRunner = await runConsumer({
    client: kafka,
    groupId: `${options.topicPrefix}reader`,
    topics: [runtime.connectorTopic],
    parse: (message) => parseEvent('connector.events', jsonValue(message)),
    handleBatch: (items) => {
      events.push(...items.map((item) => item.value));
      return Promise.resolve();
    },
    retry: { maxAttempts: 1, initialBackoffMs: 1, maxBackoffMs: 1 },
    logger: silentLogger,
    maxWaitTimeInMs: 200,
  });
  return {
    sim,
    simUrl,
    runtime,
    events,
    logLines,
    clock: { now: () => now, advance: (ms) => void (now += ms) },
    async close() {
      await consumer.stop();
      await runtime.keysMongo.db.dropDatabase();
      await runtime.close();
      await sim.app.close();
    },
  };
}

/**
 * One harness for the calling spec file, on its own database and topics: started before its tests,
 * its database dropped and everything closed after them.
 */
export function authHarnessForFile(fileUrl: string, options: { zendeskTimeout?: string } = {}): () => AuthHarness {
  let harness: AuthHarness | undefined;
  beforeAll(async () => {
    harness = await startAuthHarness({
      brokers: inject('kafkaBrokers'),
      mongoUri: inject('mongoUri'),
      dbName: uniqueDatabaseName(fileUrl),
      topicPrefix: `${uniqueName(fileUrl)}.`,
      ...options,
    });
  });
  afterAll(async () => {
    await harness?.runtime.mongo.db.dropDatabase();
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('authHarnessForFile: the harness starts in beforeAll; use it inside tests');
    return harness;
  };
}

export interface SeedOptions {
  plan?: 'team' | 'enterprise';
  role?: 'admin' | 'agent';
  approve?: 'allow' | 'deny';
  tokenMode?: 'legacy' | 'expiring';
}

/** An account with one user who will be "signed in" at consent, and the OAuth client the admin created. */
export function seedZendesk(sim: Simulator, subdomain: string, options: SeedOptions = {}) {
  const settings = {
    plan: options.plan ?? 'enterprise',
    oauthAutoApprove: options.approve ?? 'allow',
    tokenMode: options.tokenMode ?? 'legacy',
  } as const;
  sim.control.createAccount({ subdomain, ...settings });
  const user = sim.control.addUser(subdomain, {
    name: 'Ada',
    email: `ada@${subdomain}.test`,
    role: options.role ?? 'admin',
  });
  // The sim's update re-applies defaults to settings it is not given, so every setting is repeated.
  sim.control.updateAccount(subdomain, { ...settings, loggedInUserId: user.id });
  const client = sim.control.createOAuthClient(subdomain, { identifier: 'cas', redirectUris: [REDIRECT_URL] });
  return { userId: user.id, clientSecret: client.secret };
}

export const auth = { authorization: `Bearer ${ADMIN_KEY}` };

/** Registers a connector for a seeded account and starts its authorization; returns the consent's redirect. */
export async function registerAndConsent(h: AuthHarness, subdomain: string, seed: SeedOptions = {}) {
  const seeded = seedZendesk(h.sim, subdomain, seed);
  const app = h.runtime.app;
  const created = await app.inject({
    method: 'POST',
    url: '/v1/connectors',
    headers: auth,
    payload: {
      name: subdomain,
      clientId: 'cas',
      clientSecret: seeded.clientSecret,
      endpoint: `${subdomain}.zendesk.com`,
    },
  });
  const id = created.json<{ id: string }>().id;
  const started = await app.inject({ method: 'POST', url: `/v1/connectors/${id}/authorize`, headers: auth });
  const url = new URL(started.json<{ authorizeUrl: string }>().authorizeUrl);
  const consent = await h.sim.app.inject({
    url: `${url.pathname}${url.search}`,
    headers: { host: `${subdomain}.zendesk.com` },
  });
  return { id, clientSecret: seeded.clientSecret, redirect: new URL(String(consent.headers.location)) };
}

/** The callback as Zendesk's redirect reaches it (JSON answer). */
export const followCallback = (h: AuthHarness, redirect: URL) =>
  h.runtime.app.inject({ url: `${redirect.pathname}${redirect.search}`, headers: { accept: 'application/json' } });

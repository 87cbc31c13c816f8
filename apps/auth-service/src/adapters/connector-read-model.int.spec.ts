import { randomUUID } from 'node:crypto';
import { sequenceAfter, type ConnectorEvent } from '@zc/contracts';
import { createEventStore, type EventStore } from '@zc/event-store';
import { connectMongo, type MongoHandle } from '@zc/mongo';
import { uniqueDatabaseName } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ConnectorRepository } from '../application/ports/connector-repository';
import type { CommandMeta, ConnectorCommand } from '../domain/connector-commands';
import { connectorDecider } from '../domain/connector-decider';
import type { ConnectorState } from '../domain/connector-state';
import { CONNECTOR_STATES_COLLECTION, createConnectorReadModel } from './connector-read-model';
import { createConnectorRepository } from './connector-repository';

const sealed = { keyId: 'k1', iv: 'aXY=', ciphertext: 'Y3Q=', tag: 'dGFn' };
const NOW = '2026-05-08T12:00:00.000Z';
const meta = (): CommandMeta => ({
  eventId: randomUUID(),
  now: NOW,
  actor: { kind: 'admin_key', id: 'abcdef0123456789' },
  correlationId: 'read-model',
  causationId: null,
});
const register = (connectorId: string): ConnectorCommand => ({
  type: 'RegisterConnector',
  meta: meta(),
  connectorId,
  name: connectorId,
  clientId: 'cas',
  clientSecret: sealed,
  provider: 'zendesk',
  endpoint: `${connectorId}.zendesk.com`,
  providerDetails: { subdomain: connectorId },
  rateLimitPerMinute: 200,
  redirectUrl: 'http://127.0.0.1:8081/api/oauth/saga',
});
const later: ((n: number) => ConnectorCommand)[] = [
  (n) => ({ type: 'ChangeRateLimit', meta: meta(), rateLimitPerMinute: 100 + n }),
  () => ({
    type: 'StartAuthorization',
    meta: meta(),
    stateHash: 'a'.repeat(64),
    scopes: ['users:read'],
    redirectUrl: 'http://127.0.0.1:8081/api/oauth/saga',
    expiresAt: '2026-05-08T12:10:00.000Z',
  }),
  () => ({ type: 'FailAuthorization', meta: meta(), reason: 'ACCESS_DENIED', message: 'denied' }),
  (n) => ({ type: 'ChangeRateLimit', meta: meta(), rateLimitPerMinute: 300 + n }),
  () => ({ type: 'RotateCredentials', meta: meta(), clientId: 'cas-2', clientSecret: sealed }),
  () => ({ type: 'Disconnect', meta: meta(), tokenRevoked: false, revocationError: null }),
];

let mongo: MongoHandle;
let store: EventStore<ConnectorEvent>;
let repository: ConnectorRepository;
let streamReads = 0;

/** The truth: every stream folded from its events. */
const folded = async (): Promise<ConnectorState[]> => {
  const states = await Promise.all((await store.streamIds()).map((id) => repository.load(id)));
  return byId(states.filter((state) => state.status !== 'new'));
};
const byId = (states: ConnectorState[]) => [...states].sort((a, b) => a.connectorId.localeCompare(b.connectorId));
const listed = async () => byId(await repository.loadAll());
const documents = () => mongo.db.collection<{ _id: string; state: ConnectorState }>(CONNECTOR_STATES_COLLECTION);

/** Appends a command's events straight to the store, as a process that died before its read-model write. */
async function appendWithoutReadModel(connectorId: string, command: ConnectorCommand): Promise<void> {
  const state = await repository.load(connectorId);
  await store.appendToStream(connectorId, state.version, [...connectorDecider.decide(command, state)]);
}

beforeAll(async () => {
  mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
  const real = await createEventStore<ConnectorEvent>({ mongo });
  // Counts stream reads, so a test can tell a listing that re-folds from one that reads the read model.
  store = {
    ...real,
    readStream: (streamId, options) => {
      streamReads += 1;
      return real.readStream(streamId, options);
    },
  };
  repository = createConnectorRepository(store);
});

afterAll(async () => {
  await mongo.db.dropDatabase();
  await mongo.close();
});

describe('the connector read model (list and token maintenance)', () => {
  it('lists exactly the fold of every stream after a sequence of commands, without reading a stream', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => `rm-${String(i)}`);
    for (const id of ids) await repository.execute(id, register(id));
    // Connector i gets the first i later commands, interleaved across connectors.
    for (let step = 0; step < later.length; step += 1) {
      for (const [i, id] of ids.entries()) {
        const command = later[step];
        if (command && step < i + 1) await repository.execute(id, command(i));
      }
    }
    const truth = await folded();
    expect(truth.map((state) => state.version)).toEqual([2, 3, 4, 5, 6]);
    streamReads = 0;
    expect(await listed()).toEqual(truth);
    expect(streamReads).toBe(0);
  });

  it('heals after a crash between the append and the read-model write', async () => {
    await repository.execute('rm-crash', register('rm-crash'));
    await appendWithoutReadModel('rm-crash', later[0]!(7));
    await appendWithoutReadModel('rm-crash', later[1]!(7));
    expect((await documents().findOne({ _id: 'rm-crash' }))?.state.version).toBe(1);

    streamReads = 0;
    expect(await listed()).toEqual(await folded());
    expect((await documents().findOne({ _id: 'rm-crash' }))?.state.version).toBe(3);
    streamReads = 0;
    await listed();
    expect(streamReads).toBe(0);
  });

  it('heals a missing document, one written out of order, and a write that failed', async () => {
    await repository.execute('rm-gone', register('rm-gone'));
    await documents().deleteOne({ _id: 'rm-gone' });

    await repository.execute('rm-order', register('rm-order'));
    const older = await repository.load('rm-order');
    await repository.execute('rm-order', later[0]!(1));
    // The slower of two concurrent writers lands last with the older state.
    await createConnectorReadModel(mongo.db).put(older);

    const failing = createConnectorRepository(store, {
      put: () => Promise.reject(new Error('mongo blip')),
      all: () => Promise.resolve([]),
    });
    await expect(failing.execute('rm-blip', register('rm-blip'))).resolves.toMatchObject({ state: { version: 1 } });

    const truth = await folded();
    expect(truth.map((state) => state.connectorId)).toEqual(expect.arrayContaining(['rm-gone', 'rm-order', 'rm-blip']));
    expect(await listed()).toEqual(truth);
    streamReads = 0;
    expect(await listed()).toEqual(truth);
    expect(streamReads).toBe(0);
  });

  it('folds streams written before the provider-neutral versions, and re-folds documents of the old shape', async () => {
    const envelope = { connectorId: 'rm-old', occurredAt: NOW, recordedAt: NOW, correlationId: 'old' };
    const old = (type: string, schemaVersion: number, sequence: number, data: unknown) =>
      ({
        ...envelope,
        eventId: randomUUID(),
        type,
        schemaVersion,
        sequence,
        actor: meta().actor,
        causationId: null,
        data,
      }) as unknown as ConnectorEvent;
    const token = { zendeskTokenId: 77, scopes: ['read'], expiresAt: null, refreshable: false };
    await store.appendToStream('rm-old', 'no_stream', [
      old('ConnectorRegistered', 2, sequenceAfter(0), {
        name: 'rm-old',
        clientId: 'cas',
        clientSecret: sealed,
        subdomain: 'rm-old',
        endpoint: 'rm-old.zendesk.com',
        rateLimitPerMinute: 200,
        redirectUrl: 'http://127.0.0.1:8081/api/oauth/saga',
      }),
      old('ConnectorAuthorized', 1, sequenceAfter(1), {
        tokenBundle: sealed,
        token,
        authorizingUser: { zendeskUserId: 5, email: 'ada@old.test', role: 'admin' },
        authorizedAt: NOW,
      }),
    ]);
    const state = await repository.load('rm-old');
    expect(state).toMatchObject({
      provider: 'zendesk',
      subdomain: 'rm-old',
      authorizingUser: { providerUserId: 5, email: 'ada@old.test', role: 'admin' },
      token: { metadata: { providerTokenId: 77 } },
    });
    // A document kept by the previous release, in the previous state shape, is not served.
    await documents().replaceOne({ _id: 'rm-old' }, { state: { ...state, name: 'stale' } }, { upsert: true });
    expect((await listed()).find((listedState) => listedState.connectorId === 'rm-old')).toEqual(state);
  });
});

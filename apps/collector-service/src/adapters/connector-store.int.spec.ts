import { newEvent, type ConnectorEvent } from '@zc/contracts';
import { connectMongo, type MongoHandle } from '@zc/mongo';
import { uniqueDatabaseName } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConcurrentConnectorUpdateError, createConnectorStore, type ConnectorStore } from './connector-store';

/** Odd sequences rotate credentials (tokenVersion + 1, not idempotent), even ones set a rate limit. */
const eventAt = (connectorId: string, sequence: number): ConnectorEvent => {
  const envelope = {
    eventId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    connectorId,
    sequence,
    occurredAt: '2026-11-01T00:00:00.000Z',
    recordedAt: '2026-11-01T00:00:00.000Z',
    actor: { kind: 'system' },
    correlationId: 'c',
    causationId: null,
  } as const;
  return sequence % 2 === 1
    ? newEvent('ConnectorCredentialsRotated', envelope, {
        clientId: 'cas',
        clientSecret: { keyId: 'k', iv: 'aa', tag: 'bb', ciphertext: 'cc' },
      })
    : newEvent('ConnectorRateLimitChanged', envelope, {
        previousPerMinute: 100 + sequence - 1,
        rateLimitPerMinute: 100 + sequence,
      });
};

/** A consumer's handling: retry a conflict until the event is applied, by it or by the other one. */
async function applyRetrying(store: ConnectorStore, event: ConnectorEvent): Promise<boolean> {
  for (;;) {
    try {
      return await store.apply(event, 0);
    } catch (error) {
      if (!(error instanceof ConcurrentConnectorUpdateError)) throw error;
    }
  }
}

// Mid-rebalance, two instances may fold the same partition at once. FerretDB 1.24 lets every racer
// of a compare-and-set update win; the versioned insert must still apply each event exactly once.
describe('connector views folded by racing consumers', () => {
  let mongo: MongoHandle;

  beforeAll(async () => {
    mongo = await connectMongo({ uri: inject('mongoUri'), dbName: uniqueDatabaseName(import.meta.url) });
  });

  afterAll(async () => {
    await mongo.db.dropDatabase();
    await mongo.close();
  });

  it('folds every event exactly once, and no reader ever sees the view go back', async () => {
    const consumers = await Promise.all(Array.from({ length: 4 }, () => createConnectorStore(mongo)));
    const events = Array.from({ length: 30 }, (_, sequence) => eventAt('c-race', sequence));
    let racing = true;
    const seen: number[] = [];
    const reader = (async () => {
      while (racing) seen.push((await consumers[0]!.get('c-race'))?.lastSequence ?? -1);
    })();
    const news = await Promise.all(
      consumers.map(async (store) => {
        let count = 0;
        for (const event of events) if (await applyRetrying(store, event)) count += 1;
        return count;
      }),
    );
    racing = false;
    await reader;

    // 15 rotations: a fold applied twice would count one twice.
    const view = await consumers[0]!.get('c-race');
    expect(view).toMatchObject({ _id: 'c-race', lastSequence: 29, rateLimitPerMinute: 128, tokenVersion: 15 });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    // "Changed" drives a scheduler wake-up: at most once per event, so never more than 30 in all.
    expect(news.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(events.length);
    expect(await mongo.collection('connector_versions').countDocuments({ connectorId: 'c-race' })).toBeLessThanOrEqual(
      3,
    );
  });
});

import type { ConnectorEvent } from '@zc/contracts';
import { connectMongo, type MongoHandle } from '@zc/mongo';
import { uniqueDatabaseName } from '@zc/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConcurrentConnectorUpdateError, createConnectorStore, type ConnectorStore } from './connector-store';

const rateLimitChanged = (connectorId: string, sequence: number): ConnectorEvent => ({
  eventId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
  type: 'ConnectorRateLimitChanged',
  schemaVersion: 1,
  connectorId,
  sequence,
  occurredAt: '2026-11-01T00:00:00.000Z',
  recordedAt: '2026-11-01T00:00:00.000Z',
  actor: { kind: 'system' },
  correlationId: 'c',
  causationId: null,
  data: { previousPerMinute: 100 + sequence - 1, rateLimitPerMinute: 100 + sequence },
});

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

  it('applies every event once and ends on the fold of all of them', async () => {
    const consumers = await Promise.all(Array.from({ length: 4 }, () => createConnectorStore(mongo)));
    const events = Array.from({ length: 30 }, (_, sequence) => rateLimitChanged('c-race', sequence));
    const applied = await Promise.all(
      consumers.map(async (store) => {
        let count = 0;
        for (const event of events) if (await applyRetrying(store, event)) count += 1;
        return count;
      }),
    );
    expect(applied.reduce((sum, count) => sum + count, 0)).toBe(events.length);
    const view = await consumers[0]!.get('c-race');
    expect(view).toMatchObject({ _id: 'c-race', lastSequence: 29, rateLimitPerMinute: 129 });
    expect(await mongo.collection('connector_versions').countDocuments({ connectorId: 'c-race' })).toBeLessThanOrEqual(
      3,
    );
  });
});

import type { ConnectorEvent } from '@zc/contracts';
import { ensureIndexes, isDuplicateKeyError, type Collection, type MongoHandle } from '@zc/mongo';
import { alreadyApplied, emptyConnectorView, evolveConnectorView, type ConnectorView } from '../domain/connector-view';

/** The connector view as stored: keyed by connector id, with the connector.events partition it lives on. */
export type ConnectorDoc = ConnectorView & { _id: string; partition: number };

export class ConcurrentConnectorUpdateError extends Error {
  readonly code = 'COLLECTOR_CONCURRENT_CONNECTOR_UPDATE';
  constructor(connectorId: string) {
    super(`connector ${connectorId} changed while an event was applied; retrying`);
    this.name = 'ConcurrentConnectorUpdateError';
  }
}

export interface ConnectorStore {
  /** Applies one event unless its sequence was applied already; returns whether it changed anything. */
  apply(event: ConnectorEvent, partition: number): Promise<boolean>;
  get(connectorId: string): Promise<ConnectorDoc | null>;
  /** Connectors that should be collected: authorized and not disconnected. */
  listActive(): Promise<ConnectorDoc[]>;
}

const toView = ({ _id: _ignored, partition: _partition, ...view }: ConnectorDoc): ConnectorView => view;

export async function createConnectorStore(mongo: MongoHandle): Promise<ConnectorStore> {
  const connectors: Collection<ConnectorDoc> = mongo.collection<ConnectorDoc>('connectors');
  await ensureIndexes(connectors, [{ key: { status: 1 }, name: 'status_1' }]);
  return {
    async apply(event, partition) {
      const current = await connectors.findOne({ _id: event.connectorId });
      const view = current ? toView(current) : emptyConnectorView(event.connectorId);
      if (alreadyApplied(view, event)) return false;
      const next: ConnectorDoc = { ...evolveConnectorView(view, event), _id: event.connectorId, partition };
      if (!current) {
        try {
          await connectors.insertOne(next);
          return true;
        } catch (error) {
          if (isDuplicateKeyError(error)) throw new ConcurrentConnectorUpdateError(event.connectorId);
          throw error;
        }
      }
      // Compare-and-set on the sequence: a second consumer (mid-rebalance) cannot interleave a stale fold.
      const result = await connectors.replaceOne({ _id: event.connectorId, lastSequence: view.lastSequence }, next);
      if (result.matchedCount === 0) throw new ConcurrentConnectorUpdateError(event.connectorId);
      return true;
    },
    get: (connectorId) => connectors.findOne({ _id: connectorId }),
    listActive: () => connectors.find({ status: 'active' }).toArray(),
  };
}

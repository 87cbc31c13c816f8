import type { ConnectorEvent } from '@zc/contracts';
import { ensureIndexes, isDuplicateKeyError, type Collection, type MongoHandle } from '@zc/mongo';
import type { ConnectorDoc, ConnectorReader } from '../application/ports';
import { alreadyApplied, emptyConnectorView, evolveConnectorView, type ConnectorView } from '../domain/connector-view';

/** One stored version of a view: keyed by connector and the last sequence folded into it. */
type ConnectorVersionDoc = ConnectorView & { _id: string; partition: number };

export class ConcurrentConnectorUpdateError extends Error {
  readonly code = 'COLLECTOR_CONCURRENT_CONNECTOR_UPDATE';
  constructor(connectorId: string) {
    super(`connector ${connectorId} changed while an event was applied; retrying`);
    this.name = 'ConcurrentConnectorUpdateError';
  }
}

export interface ConnectorStore extends ConnectorReader {
  /** Applies one event unless its sequence was applied already; returns whether it changed anything. */
  apply(event: ConnectorEvent, partition: number): Promise<boolean>;
}

const versionId = (view: ConnectorView) => `${view.connectorId}#${String(view.lastSequence)}`;
const toView = ({ _id: _ignored, partition: _partition, ...view }: ConnectorVersionDoc): ConnectorView => view;
const asConnectorDoc = (version: ConnectorVersionDoc): ConnectorDoc => ({ ...version, _id: version.connectorId });

/**
 * Views are versioned and insert-only: applying event n inserts the version keyed by (connector, n).
 * On FerretDB 1.24 a compare-and-set update lets every racer win, but a unique-key insert does not,
 * so two consumers folding the same connector mid-rebalance cannot interleave a stale fold: the
 * loser's insert fails, it re-reads and finds the event applied. Versions before the previous one are
 * pruned; the newest version is the view, so a fold that lost a long race and inserts an old,
 * pruned version never regresses it (and removes it again).
 */
export async function createConnectorStore(mongo: MongoHandle): Promise<ConnectorStore> {
  const versions: Collection<ConnectorVersionDoc> = mongo.collection<ConnectorVersionDoc>('connector_versions');
  await ensureIndexes(versions, [{ key: { connectorId: 1, lastSequence: -1 }, name: 'connectorId_1_lastSequence_-1' }]);
  const latest = async (connectorId: string) => {
    const [found] = await versions.find({ connectorId }).sort({ lastSequence: -1 }).limit(1).toArray();
    return found ?? null;
  };
  return {
    async apply(event, partition) {
      const current = await latest(event.connectorId);
      const view = current ? toView(current) : emptyConnectorView(event.connectorId);
      if (alreadyApplied(view, event)) return false;
      const folded = evolveConnectorView(view, event);
      const next: ConnectorVersionDoc = { ...folded, _id: versionId(folded), partition };
      try {
        await versions.insertOne(next);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new ConcurrentConnectorUpdateError(event.connectorId);
        throw error;
      }
      // A fold that waited long enough can insert a version pruned meanwhile: it is stale, not news.
      if ((await latest(event.connectorId))?._id !== next._id) {
        await versions.deleteOne({ _id: next._id });
        return false;
      }
      await versions.deleteMany({ connectorId: event.connectorId, lastSequence: { $lt: view.lastSequence } });
      return true;
    },
    get: async (connectorId) => {
      const found = await latest(connectorId);
      return found ? asConnectorDoc(found) : null;
    },
    async listActive() {
      const newest = new Map<string, ConnectorVersionDoc>();
      for (const version of await versions.find({}).toArray()) {
        const seen = newest.get(version.connectorId);
        if (!seen || seen.lastSequence < version.lastSequence) newest.set(version.connectorId, version);
      }
      return [...newest.values()].filter((version) => version.status === 'active').map(asConnectorDoc);
    },
  };
}

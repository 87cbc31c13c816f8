import type { Db } from '@zc/mongo';
import type { ConnectorState } from '../domain/connector-state';

export const CONNECTOR_STATES_COLLECTION = 'connector_states';

/**
 * The shape of `ConnectorState` the documents hold. Bumped when that shape changes (2: the provider-neutral
 * token and user ids of the v2 token events); a document of another shape is ignored, so its connector is
 * folded again from its stream and the document rewritten.
 */
const STATE_SHAPE = 2;

interface StateDocument {
  _id: string;
  shape?: number;
  state: ConnectorState;
}

/**
 * One document per connector holding its folded state, so listing connectors (the admin list, the
 * token-maintenance pass) reads one small document per connector instead of folding every stream.
 * Written by `_id` only after each append; it may lag the stream (a crash between the append and this
 * write, or two appends whose writes land out of order), which is why readers check its version
 * against the stream head and re-fold on a mismatch: the stream stays the truth.
 */
export interface ConnectorReadModel {
  put(state: ConnectorState): Promise<void>;
  all(): Promise<ConnectorState[]>;
}

export function createConnectorReadModel(db: Db): ConnectorReadModel {
  const states = db.collection<StateDocument>(CONNECTOR_STATES_COLLECTION);
  return {
    async put(state) {
      await states.replaceOne({ _id: state.connectorId }, { shape: STATE_SHAPE, state }, { upsert: true });
    },
    async all() {
      // No store-side filter or sort (FerretDB): every document, one small one per connector.
      return (await states.find({}).toArray()).filter((doc) => doc.shape === STATE_SHAPE).map((doc) => doc.state);
    },
  };
}

import { currentSchemaVersion, parseEvent, type ConnectorEvent } from '@zc/contracts';
import { evolveAll } from '@zc/decider';
import pLimit from 'p-limit';
import { handleCommand, type EventStore } from '@zc/event-store';
import type { ConnectorRepository } from '../application/ports/connector-repository';
import { connectorDecider } from '../domain/connector-decider';
import { evolve, initialState, type ConnectorState } from '../domain/connector-state';
import { createConnectorReadModel, type ConnectorReadModel } from './connector-read-model';

/**
 * The store keeps events as they were written, so a stream may hold older versions; they are lifted to
 * the current one (the same upcasters the topic's readers use) before the fold. Current events pass as they are.
 */
const upcastStored = (event: ConnectorEvent): ConnectorEvent =>
  event.schemaVersion === currentSchemaVersion(event.type) ? event : parseEvent('connector.events', event);

const evolveStored = (state: ConnectorState, event: ConnectorEvent): ConnectorState =>
  evolve(state, upcastStored(event));

export interface ConnectorRepositoryOptions {
  /** Commands executed at once; more wait in arrival order (COMMAND_CONCURRENCY). */
  readonly commandConcurrency?: number;
}

export function createConnectorRepository(
  store: EventStore<ConnectorEvent>,
  readModel: ConnectorReadModel = createConnectorReadModel(store.mongo.db),
  options: ConnectorRepositoryOptions = {},
): ConnectorRepository {
  // A FIFO turn per command keeps the store's writers few, so waiting is fair (see COMMAND_CONCURRENCY).
  const turn = pLimit(options.commandConcurrency ?? 8);
  const load = async (connectorId: string): Promise<ConnectorState> =>
    evolveAll(
      connectorDecider,
      (await store.readStream(connectorId)).map((stored) => upcastStored(stored.data)),
    );
  /** Writes the state after an append; a failed write is healed by the next read's version check. */
  const keep = (state: ConnectorState): Promise<void> => readModel.put(state).catch(() => undefined);
  /** Folds the stream again and keeps the result: for a read-model document missing or behind its stream. */
  const refold = async (connectorId: string): Promise<ConnectorState> => {
    const state = await load(connectorId);
    if (state.version > 0) await keep(state);
    return state;
  };
  return {
    async execute(connectorId, command) {
      const result = await turn(() =>
        handleCommand({
          store,
          streamId: connectorId,
          initialState,
          evolve: evolveStored,
          // A retry after a version conflict re-decides on the fresh state, so the sequence stays right.
          decide: (state) => [...connectorDecider.decide(command, state)],
        }),
      );
      if (result.newEvents.length > 0) await keep(result.state);
      return { state: result.state, events: result.newEvents.map((stored) => stored.data) };
    },
    load,
    async loadAll() {
      const [ids, kept] = await Promise.all([store.streamIds(), readModel.all()]);
      const byId = new Map(kept.map((state) => [state.connectorId, state]));
      // Per connector: one document and one point read of its stream head; a fold only when they differ.
      const states = await Promise.all(
        ids.map(async (id) => {
          const state = byId.get(id);
          const current = state !== undefined && !(await store.hasEventsAfter(id, state.version));
          return current ? state : refold(id);
        }),
      );
      return states.filter((state) => state.status !== 'new');
    },
  };
}

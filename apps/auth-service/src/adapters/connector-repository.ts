import type { ConnectorEvent } from '@zc/contracts';
import { evolveAll } from '@zc/decider';
import { handleCommand, type EventStore } from '@zc/event-store';
import type { ConnectorRepository } from '../application/ports/connector-repository';
import { connectorDecider } from '../domain/connector-decider';
import { evolve, initialState, type ConnectorState } from '../domain/connector-state';

export function createConnectorRepository(store: EventStore<ConnectorEvent>): ConnectorRepository {
  const load = async (connectorId: string): Promise<ConnectorState> =>
    evolveAll(
      connectorDecider,
      (await store.readStream(connectorId)).map((stored) => stored.data),
    );
  return {
    async execute(connectorId, command) {
      const result = await handleCommand({
        store,
        streamId: connectorId,
        initialState,
        evolve,
        // A retry after a version conflict re-decides on the fresh state, so the sequence stays right.
        decide: (state) => [...connectorDecider.decide(command, state)],
      });
      return { state: result.state, events: result.newEvents.map((stored) => stored.data) };
    },
    load,
    async loadAll() {
      const ids = await store.streamIds();
      const states = await Promise.all(ids.map(load));
      return states.filter((state) => state.status !== 'new');
    },
  };
}

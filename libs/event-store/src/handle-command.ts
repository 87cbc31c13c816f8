import { StreamVersionConflictError } from './errors';
import type { EventStore } from './event-store';
import type { NewEvent, StoredEvent } from './types';

export interface HandleCommandOptions<S, E extends NewEvent> {
  store: EventStore<E>;
  streamId: string;
  initialState: () => S;
  evolve: (state: S, event: E) => S;
  /** Pure: the events the command produces from the current state (none is fine). May throw to reject. */
  decide: (state: S) => E[];
  /** Re-reads and re-decides this many times after a version conflict. Default 3. */
  maxRetries?: number;
}

export interface CommandResult<S, E extends NewEvent> {
  /** State after the new events. */
  state: S;
  newEvents: StoredEvent<E>[];
  nextExpectedVersion: number;
}

/**
 * Read, fold, decide, append with the version that was read. A conflict means another command got in
 * between; deciding again on the fresh state (instead of appending blindly) keeps invariants true.
 */
export async function handleCommand<S, E extends NewEvent>(
  options: HandleCommandOptions<S, E>,
): Promise<CommandResult<S, E>> {
  const maxRetries = options.maxRetries ?? 3;
  for (let attempt = 0; ; attempt += 1) {
    const history = await options.store.readStream(options.streamId);
    const state = history.reduce((current, event) => options.evolve(current, event.data), options.initialState());
    const version = history.at(-1)?.version ?? 0;
    const events = options.decide(state);
    if (events.length === 0) return { state, newEvents: [], nextExpectedVersion: version };
    try {
      const result = await options.store.appendToStream(
        options.streamId,
        version === 0 ? 'no_stream' : version,
        events,
      );
      return {
        state: events.reduce(options.evolve, state),
        newEvents: result.events,
        nextExpectedVersion: result.nextExpectedVersion,
      };
    } catch (error) {
      if (!(error instanceof StreamVersionConflictError) || attempt >= maxRetries) throw error;
    }
  }
}

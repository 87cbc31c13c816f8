/**
 * A pure decision model of one stream: what a command decides given the state, and how each event moves
 * the state. Time and ids reach it inside commands, so it never needs I/O. `decide` throws (an Error
 * subclass of the caller's choosing) when a command is illegal in the current state.
 */
export interface Decider<State, Command, Event> {
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** The state after `events`, starting from `state` (by default the decider's initial state). */
export function evolveAll<State, Event>(
  decider: Pick<Decider<State, unknown, Event>, 'evolve' | 'initialState'>,
  events: Iterable<Event>,
  state: State = decider.initialState(),
): State {
  let current = state;
  for (const event of events) current = decider.evolve(current, event);
  return current;
}

/**
 * One command against a stream's history, as a command handler runs it: fold the history, decide, and
 * return the new events together with the state they lead to.
 */
export function decideFromHistory<State, Command, Event>(
  decider: Decider<State, Command, Event>,
  history: Iterable<Event>,
  command: Command,
): { events: readonly Event[]; state: State } {
  const before = evolveAll(decider, history);
  const events = decider.decide(command, before);
  return { events, state: evolveAll(decider, events, before) };
}

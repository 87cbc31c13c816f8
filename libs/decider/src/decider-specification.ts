import { expect } from 'vitest';
import { evolveAll, type Decider } from './decider';

type ErrorClass = abstract new (...args: never[]) => Error;
type ErrorCheck = ErrorClass | ((error: unknown) => boolean);

export interface DeciderThen<Event> {
  /** Asserts the command decides exactly these events; expected events may use vitest's asymmetric matchers. */
  then(expected: readonly Event[]): void;
  /** Asserts the command is refused; with a check, also that the error is of this class or passes this predicate. */
  thenThrows(check?: ErrorCheck): void;
}

const isErrorClass = (check: ErrorCheck): check is ErrorClass =>
  check === Error || (check as { prototype?: unknown }).prototype instanceof Error;

/**
 * given/when/then over a decider, from vitest: `DeciderSpecification.for(decider).given(history)
 * .when(command).then(events)`. Tests read as behaviour (events in, events out), never internal state.
 */
export const DeciderSpecification = {
  for<State, Command, Event>(decider: Decider<State, Command, Event>) {
    return {
      // Arrow functions, so `const { given } = DeciderSpecification.for(decider)` works.
      given: (history: readonly Event[]) => {
        return {
          when: (command: Command): DeciderThen<Event> => {
            // Deciding lazily lets thenThrows observe the throw instead of the test crashing in `when`.
            const run = () => decider.decide(command, evolveAll(decider, history));
            return {
              then(expected) {
                expect(run()).toEqual(expected);
              },
              thenThrows(check) {
                const outcome = attempt(run);
                if (!outcome.threw) {
                  expect.fail(`expected the command to be refused, but it decided ${JSON.stringify(outcome.events)}`);
                }
                if (check === undefined) return;
                if (isErrorClass(check)) expect(outcome.error).toBeInstanceOf(check);
                else expect(check(outcome.error), `error did not match: ${String(outcome.error)}`).toBe(true);
              },
            };
          },
        };
      },
    };
  },
};

function attempt<Event>(
  run: () => readonly Event[],
): { threw: false; events: readonly Event[] } | { threw: true; error: unknown } {
  try {
    return { threw: false, events: run() };
  } catch (error) {
    return { threw: true, error };
  }
}

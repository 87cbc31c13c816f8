import type { Decider } from '../decider';

/** Test-only toy: a door that can be locked with a code and opened only with the same code. */
export type DoorCommand = { type: 'Lock'; code: string } | { type: 'Unlock'; code: string };
export type DoorEvent = { type: 'Locked'; code: string } | { type: 'Unlocked' } | { type: 'UnlockRejected' };
export type DoorState = { status: 'open' } | { status: 'locked'; code: string };

export class IllegalDoorStateError extends Error {
  readonly code = 'ILLEGAL_STATE';
}

export const doorDecider: Decider<DoorState, DoorCommand, DoorEvent> = {
  initialState: () => ({ status: 'open' }),
  decide(command, state) {
    switch (command.type) {
      case 'Lock':
        if (state.status === 'locked') throw new IllegalDoorStateError('door is already locked');
        return [{ type: 'Locked', code: command.code }];
      case 'Unlock':
        if (state.status === 'open') return [];
        return command.code === state.code ? [{ type: 'Unlocked' }] : [{ type: 'UnlockRejected' }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'Locked':
        return { status: 'locked', code: event.code };
      case 'Unlocked':
        return { status: 'open' };
      case 'UnlockRejected':
        return state;
    }
  },
};

import { describe, expect, it } from 'vitest';
import { decideFromHistory, evolveAll } from './decider';
import { doorDecider } from './test-support/door-decider';

describe('evolveAll', () => {
  it('folds events from the initial state', () => {
    expect(evolveAll(doorDecider, [{ type: 'Locked', code: '1234' }])).toEqual({ status: 'locked', code: '1234' });
    expect(evolveAll(doorDecider, [])).toEqual({ status: 'open' });
  });

  it('continues from a given state, for snapshots', () => {
    expect(evolveAll(doorDecider, [{ type: 'Unlocked' }], { status: 'locked', code: '1' })).toEqual({ status: 'open' });
  });
});

describe('decideFromHistory', () => {
  it('returns the decided events and the state they lead to', () => {
    const result = decideFromHistory(doorDecider, [{ type: 'Locked', code: '1234' }], { type: 'Unlock', code: '1234' });
    expect(result).toEqual({ events: [{ type: 'Unlocked' }], state: { status: 'open' } });
  });
});

import { describe, expect, it } from 'vitest';
import { DeciderSpecification } from './testing';
import { doorDecider, IllegalDoorStateError } from './test-support/door-decider';

const given = DeciderSpecification.for(doorDecider).given;

describe('DeciderSpecification', () => {
  it('passes when the command decides the expected events', () => {
    given([])
      .when({ type: 'Lock', code: '1234' })
      .then([{ type: 'Locked', code: '1234' }]);
    given([{ type: 'Locked', code: '1234' }])
      .when({ type: 'Unlock', code: '0000' })
      .then([{ type: 'UnlockRejected' }]);
  });

  it('accepts asymmetric matchers in expected events', () => {
    given([])
      .when({ type: 'Lock', code: '98' })
      .then([{ type: 'Locked', code: expect.any(String) as string }]);
  });

  it('asserts that nothing happens with an empty list', () => {
    given([]).when({ type: 'Unlock', code: '1' }).then([]);
  });

  it('fails when the events differ', () => {
    expect(() =>
      given([])
        .when({ type: 'Lock', code: '1' })
        .then([{ type: 'Unlocked' }]),
    ).toThrow();
  });

  it('checks refusals by error class or predicate', () => {
    const locked = given([{ type: 'Locked', code: '1' }]).when({ type: 'Lock', code: '2' });
    locked.thenThrows();
    locked.thenThrows(IllegalDoorStateError);
    locked.thenThrows((error) => error instanceof IllegalDoorStateError && error.code === 'ILLEGAL_STATE');
    expect(() => locked.thenThrows(TypeError)).toThrow();
    expect(() => locked.thenThrows(() => false)).toThrow(/error did not match/);
  });

  it('fails thenThrows when the command is accepted', () => {
    expect(() => given([]).when({ type: 'Lock', code: '1' }).thenThrows()).toThrow(
      /expected the command to be refused/,
    );
  });
});

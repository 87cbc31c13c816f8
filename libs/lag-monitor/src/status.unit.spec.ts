import { describe, expect, it } from 'vitest';
import { groupStatusOf } from './status';

describe('groupStatusOf', () => {
  it.each([
    [['OK', 'OK'], 'OK'],
    [['OK', 'WARN'], 'WARN'],
    [['WARN', 'STOP'], 'ERR'],
    [['OK', 'STALL'], 'ERR'],
    [['REWIND', 'WARN'], 'ERR'],
    [[], 'OK'],
  ] as const)('rolls %j up to %s', (statuses, expected) => {
    expect(groupStatusOf(statuses)).toBe(expected);
  });
});

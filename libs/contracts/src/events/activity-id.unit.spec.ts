import { describe, expect, it } from 'vitest';
import { activityIdFor } from './activity-id';

describe('activityIdFor', () => {
  it('is the same for the same account and audit-log record, however often it is computed', () => {
    expect(activityIdFor('acme', 123456789)).toBe('zd:acme:123456789');
    expect(activityIdFor('acme', 123456789)).toBe(activityIdFor('acme', 123456789));
  });

  it('does not depend on how the account name was typed', () => {
    expect(activityIdFor(' ACME ', 7)).toBe(activityIdFor('acme', 7));
  });

  it('differs across accounts and across records', () => {
    const ids = new Set([activityIdFor('acme', 1), activityIdFor('acme', 2), activityIdFor('globex', 1)]);
    expect(ids.size).toBe(3);
  });
});

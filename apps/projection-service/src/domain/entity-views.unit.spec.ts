import { describe, expect, it } from 'vitest';
import { activityEvent, userEvent } from '../testing/events';
import { mergeActivity, toActivityDoc } from './activity-view';
import { latestUser, toUserDoc } from './user-view';

describe('activity view', () => {
  const at = Date.UTC(2024, 4, 1);
  const a = toActivityDoc(
    activityEvent({ connectorId: 'c2', account: 'acme', auditLogId: 5, occurredAtMs: at, collectedAtMs: at + 50 }),
  );
  const b = toActivityDoc(
    activityEvent({ connectorId: 'c1', account: 'acme', auditLogId: 5, occurredAtMs: at, collectedAtMs: at + 10 }),
  );

  it('keys the document by activity id', () => {
    expect(a._id).toBe('zd:acme:5');
  });

  it('merges sightings commutatively and idempotently', () => {
    expect(mergeActivity(a, b)).toEqual(mergeActivity(b, a));
    expect(mergeActivity(mergeActivity(a, b), b)).toEqual(mergeActivity(a, b));
    expect(mergeActivity(a, b)).toMatchObject({ connectorIds: ['c1', 'c2'], collectedAt: new Date(at + 10) });
  });
});

describe('user view', () => {
  it('keeps the snapshot with the latest updated_at whatever the arrival order', () => {
    const older = toUserDoc(userEvent('c1', 'acme', 9, Date.UTC(2024, 4, 1), 'old'));
    const newer = toUserDoc(userEvent('c1', 'acme', 9, Date.UTC(2024, 4, 2), 'new'));
    expect(older._id).toBe('c1:9');
    expect(latestUser(older, newer).name).toBe('new');
    expect(latestUser(newer, older).name).toBe('new');
  });
});

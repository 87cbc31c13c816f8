import { describe, expect, it } from 'vitest';
import { ActivityFilterForm, formToSearch, toApiQuery } from './activity-filters';

const now = new Date('2026-12-01T12:00:00.000Z');

describe('activity filters', () => {
  it('drops empty fields and reads local date-times as UTC', () => {
    const form = ActivityFilterForm.parse({
      connector: '',
      actorId: '42',
      actorType: 'user',
      from: '2026-11-30T08:15',
      to: '',
    });
    expect(toApiQuery(form, now)).toEqual({ actorId: 42, actorType: 'user', from: '2026-11-30T08:15:00.000Z' });
  });

  it('lets "last N days" win over an explicit start', () => {
    const form = ActivityFilterForm.parse({ lastDays: '7', from: '2026-01-01T00:00' });
    expect(toApiQuery(form, now).from).toBe('2026-11-24T12:00:00.000Z');
  });

  it('passes text and CIDR filters through and refuses what is neither an IP nor a range', () => {
    expect(toApiQuery(ActivityFilterForm.parse({ ip: '10.0.0.0/8', q: 'password' }), now)).toEqual({
      ip: '10.0.0.0/8',
      q: 'password',
    });
    const bad = ActivityFilterForm.safeParse({ ip: 'evil; drop', actorId: 'x' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(['actorId', 'ip']);
  });

  it('keeps the filters in links, with the cursor overridden', () => {
    const form = ActivityFilterForm.parse({ action: 'update', cursor: 'old' });
    expect(formToSearch(form, { cursor: 'next' })).toBe('action=update&cursor=next');
  });

  it('passes "admin activity only" as adminOnly=true to the list and keeps it in the export link', () => {
    const form = ActivityFilterForm.parse({ adminOnly: 'true', connector: 'c1' });
    expect(toApiQuery(form, now)).toEqual({ connector: 'c1', adminOnly: 'true' });
    expect(formToSearch({ ...form, cursor: undefined })).toBe('connector=c1&adminOnly=true');
    expect(toApiQuery(ActivityFilterForm.parse({ adminOnly: '' }), now)).toEqual({});
    expect(ActivityFilterForm.safeParse({ adminOnly: 'yes' }).success).toBe(false);
  });
});

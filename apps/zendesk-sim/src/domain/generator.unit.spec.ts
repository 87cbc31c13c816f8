import { describe, expect, it } from 'vitest';
import { generateAuditEntries, generateUsers } from './generator';
import { SimState, createClock } from '../application/sim-state';
import { CUSTOM_ROLE_IDS } from './user';

const users = generateUsers({ seed: 3, count: 100, firstId: 1000, from: 0, to: 86_400 * 30, emailDomain: 'acme.test' });
const input = {
  seed: 9,
  from: 1_700_000_000,
  to: 1_700_000_000 + 7 * 86_400 - 1,
  perDay: 500,
  actors: users.filter((u) => u.role !== 'end-user'),
  targets: users,
  system: { actorId: -1, actorName: 'Zendesk' },
  burstShare: 0.2,
};

describe('generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateAuditEntries(input)).toEqual(generateAuditEntries(input));
    expect(generateAuditEntries({ ...input, seed: 10 })).not.toEqual(generateAuditEntries(input));
    expect(
      generateUsers({ seed: 3, count: 100, firstId: 1000, from: 0, to: 86_400 * 30, emailDomain: 'acme.test' }),
    ).toEqual(users);
  });

  it('makes an admin owner first, unique ids and emails, and staff of every kind', () => {
    expect(users[0]?.role).toBe('admin');
    expect(new Set(users.map((u) => u.id)).size).toBe(100);
    expect(new Set(users.map((u) => u.email)).size).toBe(100);
    expect(users.some((u) => u.role === 'agent' && u.customRoleId !== null)).toBe(true);
  });

  it('numbers custom roles apart from the ids the simulator hands out', () => {
    const roles = users.flatMap((u) => (u.customRoleId === null ? [] : [u.customRoleId]));
    const firstHandedOut = new SimState(createClock(() => 0)).nextId();
    expect(new Set(roles)).toEqual(new Set(CUSTOM_ROLE_IDS));
    expect(roles.every((id) => id < firstHandedOut)).toBe(true);
  });

  it('spreads M a day over the range, sorted, with bursts, system actions and realistic labels', () => {
    const entries = generateAuditEntries(input);
    expect(entries).toHaveLength(3500);
    expect(entries.every((e, i) => i === 0 || (entries[i - 1]?.createdAt ?? 0) <= e.createdAt)).toBe(true);
    expect(entries.every((e) => e.createdAt >= input.from && e.createdAt <= input.to)).toBe(true);
    const perSecond = new Map<number, number>();
    for (const e of entries) perSecond.set(e.createdAt, (perSecond.get(e.createdAt) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeGreaterThanOrEqual(3);
    const system = entries.filter((e) => e.actorId === -1);
    expect(system.length).toBeGreaterThan(0);
    expect(system.every((e) => e.actorName === 'Zendesk' && e.ipAddress === null)).toBe(true);
    expect(entries.some((e) => /^Role changed from .+ to .+$/.test(e.changeDescription))).toBe(true);
    expect(new Set(entries.map((e) => e.sourceType))).toEqual(
      new Set(['user', 'account_setting', 'api_token', 'rule', 'app', 'account', 'user_setting']),
    );
  });
});

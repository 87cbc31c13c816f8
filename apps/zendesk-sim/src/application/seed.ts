import type { Account } from '../domain/account';
import { generateAuditEntries, generateUsers } from '../domain/generator';
import type { SimState } from './sim-state';
import { storeDrafts } from './audit-ops';
import { SeedSchema, type SeedInput } from './schemas';

export interface SeedResult {
  readonly users: number;
  readonly auditEntries: number;
}

/** Deterministic for a given seed and range: users first, then their audit history. */
export function seedAccount(state: SimState, account: Account, input: SeedInput): SeedResult {
  const parsed = SeedSchema.parse(input);
  const to = Math.floor((parsed.endAt ?? state.clock.now()) / 1000);
  const from = to - Math.round(parsed.days * 86_400) + 1;
  const users = generateUsers({
    seed: parsed.seed,
    count: parsed.users,
    firstId: state.reserveIds(parsed.users),
    from: from - 365 * 86_400,
    to,
    emailDomain: `${account.subdomain}.example.com`,
  });
  for (const user of users) account.users.put(user);
  const staff = account.users.all().filter((u) => u.role !== 'end-user');
  const drafts = generateAuditEntries({
    seed: parsed.seed + 1,
    from,
    to,
    perDay: parsed.auditPerDay,
    actors: staff,
    targets: account.users.all(),
    system: { actorId: account.settings.systemActorId, actorName: account.settings.systemActorName },
    ...(parsed.burstShare !== undefined ? { burstShare: parsed.burstShare } : {}),
    ...(parsed.systemShare !== undefined ? { systemShare: parsed.systemShare } : {}),
  });
  storeDrafts(state, account, drafts, 0);
  return { users: users.length, auditEntries: drafts.length };
}

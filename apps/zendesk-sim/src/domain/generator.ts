import type { AuditEntry } from './audit-entry';
import { ACTION_LABELS } from './audit-entry';
import { pickTemplate } from './audit-templates';
import { createRng, type Rng } from './random';
import { type Role, type SimUser, customRoleId } from './user';

const FIRST = ['Jane', 'John', 'Aiko', 'Mateo', 'Priya', 'Olu', 'Sven', 'Lena', 'Chen', 'Fatima', 'Noah', 'Zoe'];
const LAST = ['Admin', 'Agent', 'Okafor', 'Schmidt', 'Tanaka', 'Garcia', 'Nguyen', 'Kowalski', 'Silva', 'Haddad'];
const ZONES = [
  ['Eastern Time (US & Canada)', 'America/New_York'],
  ['Pacific Time (US & Canada)', 'America/Los_Angeles'],
  ['London', 'Europe/London'],
  ['Berlin', 'Europe/Berlin'],
  ['Tokyo', 'Asia/Tokyo'],
] as const;

export interface GenerateUsersInput {
  readonly seed: number;
  readonly count: number;
  readonly firstId: number;
  /** Unix seconds range for created_at. */
  readonly from: number;
  readonly to: number;
  readonly emailDomain: string;
}

/** The first user is the owner (an admin); then ~5% admins, ~30% agents (some custom-role), the rest end users. */
export function generateUsers(input: GenerateUsersInput): SimUser[] {
  const rng = createRng(input.seed);
  return Array.from({ length: input.count }, (_, i) => {
    const roll = rng.next();
    const role: Role = i === 0 || roll < 0.05 ? 'admin' : roll < 0.35 ? 'agent' : 'end-user';
    const custom = role === 'agent' && rng.next() < 0.2;
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const createdAt = rng.int(input.from, input.to);
    const [timeZone, ianaTimeZone] = rng.pick(ZONES);
    return {
      id: input.firstId + i,
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}@${input.emailDomain}`.toLowerCase(),
      role,
      roleType: custom ? 0 : null,
      // By position rather than a draw, so a seed still yields the same users as before.
      customRoleId: custom ? customRoleId(i) : null,
      active: true,
      suspended: false,
      createdAt,
      updatedAt: rng.int(createdAt, input.to),
      lastLoginAt: role === 'end-user' ? null : rng.int(createdAt, input.to),
      timeZone,
      ianaTimeZone,
      locale: 'en-US',
      organizationId: null,
      tags: [],
    };
  });
}

export type AuditDraft = Omit<AuditEntry, 'id' | 'visibleAt'>;

export interface GenerateAuditInput {
  readonly seed: number;
  /** Unix seconds, inclusive. */
  readonly from: number;
  readonly to: number;
  readonly perDay: number;
  readonly actors: readonly Pick<SimUser, 'id' | 'name'>[];
  readonly targets: readonly Pick<SimUser, 'id' | 'name'>[];
  readonly system: { readonly actorId: number | null; readonly actorName: string };
  /** Share of entries made by the system rather than a person. */
  readonly systemShare?: number;
  /** Share of draws that become a same-second burst of 3–20 entries (bulk changes). */
  readonly burstShare?: number;
}

/** Entries sorted by created_at; ids are assigned by whoever stores them. */
export function generateAuditEntries(input: GenerateAuditInput): AuditDraft[] {
  if (input.actors.length === 0 || input.to < input.from) return [];
  const rng = createRng(input.seed);
  const total = Math.round(((input.to - input.from + 1) / 86_400) * input.perDay);
  const drafts: AuditDraft[] = [];
  while (drafts.length < total) {
    const at = rng.int(input.from, input.to);
    const burst = rng.next() < (input.burstShare ?? 0.05) ? rng.int(3, 20) : 1;
    for (let n = 0; n < burst && drafts.length < total; n += 1) drafts.push(draftAt(rng, at, input));
  }
  return drafts.sort((a, b) => a.createdAt - b.createdAt);
}

function draftAt(rng: Rng, createdAt: number, input: GenerateAuditInput): AuditDraft {
  const template = pickTemplate(rng);
  const system = rng.next() < (input.systemShare ?? 0.03);
  const actor = system ? null : rng.pick(input.actors);
  const target = input.targets.length > 0 ? rng.pick(input.targets) : rng.pick(input.actors);
  const actorName = actor?.name ?? input.system.actorName;
  return {
    createdAt,
    action: template.action,
    actionLabel: ACTION_LABELS[template.action],
    actorId: actor ? actor.id : input.system.actorId,
    actorName,
    sourceId:
      template.sourceType === 'user' || template.sourceType === 'user_setting' ? target.id : rng.int(1000, 99_999),
    sourceType: template.sourceType,
    sourceLabel: template.sourceLabel(rng, target.name),
    changeDescription: template.changeDescription(rng, actorName, target.name),
    // System actions carry no client address.
    ipAddress: actor ? ipFor(actor.id) : null,
  };
}

/** Stable per actor so ip_address filters find a person's activity. */
function ipFor(actorId: number): string {
  return `203.0.${(actorId >>> 8) % 256}.${actorId % 256}`;
}

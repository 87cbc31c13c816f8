import type { Account } from '../domain/account';
import { ACTION_LABELS } from '../domain/audit-entry';
import type { AuditDraft } from '../domain/generator';
import type { SimState } from './sim-state';
import { AddAuditSchema, type AddAuditInput, BurstSchema, type BurstInput } from './schemas';

/** Stores drafts with fresh ids; `visibleAt` lets an entry surface later than its created_at. */
export function storeDrafts(state: SimState, account: Account, drafts: readonly AuditDraft[], visibleAt: number) {
  return drafts.map((draft) => {
    const id = state.nextId();
    account.audit.insert({ ...draft, id, visibleAt });
    return id;
  });
}

export function addAuditEntries(state: SimState, account: Account, input: AddAuditInput): number[] {
  const parsed = AddAuditSchema.parse(input);
  const now = state.clock.now();
  const { systemActorId, systemActorName } = account.settings;
  const drafts = parsed.entries.map((e): AuditDraft => {
    const actorId = e.system ? systemActorId : (e.actorId ?? account.owner() ?? null);
    const actor = actorId === null ? undefined : account.users.get(actorId);
    return {
      createdAt: Math.floor((e.createdAt ?? now) / 1000),
      action: e.action,
      actionLabel: ACTION_LABELS[e.action],
      actorId,
      actorName: e.system ? systemActorName : (actor?.name ?? 'Unknown'),
      sourceId: e.sourceId,
      sourceType: e.sourceType,
      sourceLabel: e.sourceLabel,
      changeDescription: e.changeDescription,
      ipAddress: e.system ? null : e.ipAddress,
    };
  });
  return storeDrafts(state, account, drafts, now + parsed.visibleAfterMs);
}

/** Many entries in one second, the case a strict `created_at >` checkpoint loses. */
export function addBurst(state: SimState, account: Account, input: BurstInput): number[] {
  const parsed = BurstSchema.parse(input);
  const at = parsed.at ?? state.clock.now();
  const entries = Array.from({ length: parsed.count }, (_, i) => ({
    createdAt: at,
    action: 'update' as const,
    sourceType: 'user',
    sourceId: i + 1,
    sourceLabel: `Bulk user ${i + 1}`,
    changeDescription: 'Role changed from End User to Agent',
  }));
  return addAuditEntries(state, account, { entries, visibleAfterMs: parsed.visibleAfterMs });
}

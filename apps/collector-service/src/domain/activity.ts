import { activityIdFor, type ZendeskActivityRecorded } from '@zc/contracts';
import type { AuditLog } from '@zc/zendesk';

/** The audit-log record as libs/zendesk parses it; Zendesk adds other fields freely and they travel in `raw`. */
export type AuditRecord = Readonly<AuditLog>;

export type ActivityData = ZendeskActivityRecorded['data'];

/**
 * Zendesk does not document how system actions look (reference §4.2); the simulator and MDA use
 * actor_id -1 with the name "Zendesk", and a null or non-positive id can mean nothing but the system.
 */
export const isSystemActor = (record: Pick<AuditRecord, 'actor_id'>): boolean =>
  record.actor_id === null || record.actor_id <= 0;

/** Second-precision `created_at` in epoch seconds; NaN for an unreadable timestamp. */
export const createdAtSeconds = (record: Pick<AuditRecord, 'created_at'>): number =>
  Math.floor(Date.parse(record.created_at) / 1000);

const isoSeconds = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');

/**
 * One audit-log record as the activity the platform publishes. System actions are shown with the
 * Zendesk account as the actor (design §1.6), named as Zendesk names the account (`accountName`, not
 * the subdomain), so every activity has a readable actor.
 */
export function toActivity(
  record: AuditRecord,
  account: string,
  collectedAt: string,
  accountName: string,
): ActivityData {
  const system = isSystemActor(record);
  const ip = record.ip_address?.trim();
  return {
    activityId: activityIdFor(account, record.id),
    account,
    auditLogId: record.id,
    occurredAt: isoSeconds(createdAtSeconds(record)),
    collectedAt,
    actor: {
      id: record.actor_id ?? -1,
      name: system ? accountName : (record.actor_name ?? `user ${record.actor_id ?? ''}`.trim()),
      type: system ? 'system' : 'user',
    },
    action: record.action,
    actionLabel: record.action_label ?? record.action,
    source: {
      type: record.source_type ?? 'unknown',
      id: record.source_id ?? null,
      label: record.source_label ?? '',
    },
    description: record.change_description ?? '',
    ipAddress: ip === undefined || ip === '' ? null : ip,
    raw: { ...record },
  };
}

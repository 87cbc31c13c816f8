import type { ZendeskActivityRecorded } from '@zc/contracts';
import { utc } from './time';

/** One activity, `_id` = activityId (FerretDB pushes `{_id}` filters down to SQLite). */
export interface ActivityDoc {
  _id: string;
  /** Every connector that collected this record: two connectors on one account see the same records. */
  connectorIds: string[];
  account: string;
  auditLogId: number;
  occurredAt: Date;
  /** The earliest collection, so redelivery and re-collection never move it. */
  collectedAt: Date;
  actor: { id: number; name: string; type: 'user' | 'system' };
  action: string;
  actionLabel: string;
  source: { type: string; id: number | null; label: string };
  description: string;
  ipAddress: string | null;
  /**
   * The audit-log record as Zendesk returned it, as JSON text: its keys are Zendesk's, and FerretDB refuses
   * keys with dots or nested arrays. Kept here for the detail view, never in the query pages.
   */
  rawJson: string;
}

export function toActivityDoc(event: ZendeskActivityRecorded): ActivityDoc {
  const { data } = event;
  return {
    _id: data.activityId,
    connectorIds: [event.connectorId],
    account: data.account,
    auditLogId: data.auditLogId,
    occurredAt: new Date(utc(data.occurredAt)),
    collectedAt: new Date(utc(data.collectedAt)),
    actor: data.actor,
    action: data.action,
    actionLabel: data.actionLabel,
    source: data.source,
    description: data.description,
    ipAddress: data.ipAddress,
    rawJson: JSON.stringify(data.raw),
  };
}

/**
 * The same record seen again (redelivery, re-scan, another connector on the account). Zendesk audit-log
 * records do not change, so the content stays; the merge is commutative and idempotent, which makes the
 * result independent of arrival order.
 */
export function mergeActivity(existing: ActivityDoc, seen: ActivityDoc): ActivityDoc {
  const connectorIds = [...new Set([...existing.connectorIds, ...seen.connectorIds])].sort();
  const collectedAt = existing.collectedAt <= seen.collectedAt ? existing.collectedAt : seen.collectedAt;
  return { ...existing, connectorIds, collectedAt };
}

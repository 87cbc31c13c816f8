import type { ZendeskActivityRecorded } from '@zc/contracts';
import { utc } from './time';

/** The activity as the collector published it (libs/contracts). */
type RecordedActivity = ZendeskActivityRecorded['data'];

/**
 * One activity, `_id` = activityId (FerretDB pushes `{_id}` filters down to SQLite): the published fields, with
 * its instants as dates so the store compares them.
 */
export type ActivityDoc = { _id: string } & Omit<
  RecordedActivity,
  'activityId' | 'occurredAt' | 'collectedAt' | 'raw'
> & {
    /** Every connector that collected this record: two connectors on one account see the same records. */
    connectorIds: string[];
    occurredAt: Date;
    /** The earliest collection, so redelivery and re-collection never move it. */
    collectedAt: Date;
    /**
     * The audit-log record as Zendesk returned it, as JSON text: its keys are Zendesk's, and FerretDB refuses
     * keys with dots or nested arrays. Kept here for the detail view, never in the query pages.
     */
    rawJson: string;
  };

/** One activity as a page holds it: what the list API shows, without the raw Zendesk record. */
export type PageItem = Omit<ActivityDoc, 'connectorIds' | 'rawJson'>;

export function toActivityDoc(event: ZendeskActivityRecorded): ActivityDoc {
  const { activityId, raw, ...fields } = event.data;
  return {
    _id: activityId,
    connectorIds: [event.connectorId],
    ...fields,
    occurredAt: new Date(utc(fields.occurredAt)),
    collectedAt: new Date(utc(fields.collectedAt)),
    rawJson: JSON.stringify(raw),
  };
}

export const toPageItem = (doc: ActivityDoc): PageItem => {
  const { connectorIds: _connectors, rawJson: _raw, ...item } = doc;
  return item;
};

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

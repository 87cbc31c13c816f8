/**
 * The id of an activity: the same Zendesk audit-log record always yields the same id, whichever connector
 * or collector run fetched it, so redelivery, re-scans and recollection dedupe naturally. It is keyed on
 * the account, not the connector, because two connectors on one account see the same records.
 */
export function activityIdFor(account: string, auditLogId: number): string {
  return `zd:${account.trim().toLowerCase()}:${auditLogId}`;
}

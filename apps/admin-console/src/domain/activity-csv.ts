/** The CSV export's columns, in order, and how each is read from an exported activity (the NDJSON line). */
export const CSV_COLUMNS = [
  'occurredAt',
  'account',
  'actorType',
  'actorId',
  'actorName',
  'action',
  'actionLabel',
  'sourceType',
  'sourceId',
  'sourceLabel',
  'description',
  'ipAddress',
  'activityId',
  'auditLogId',
  'collectedAt',
] as const;

interface ExportedActivity {
  activityId?: unknown;
  account?: unknown;
  auditLogId?: unknown;
  occurredAt?: unknown;
  collectedAt?: unknown;
  actor?: { id?: unknown; name?: unknown; type?: unknown };
  action?: unknown;
  actionLabel?: unknown;
  source?: { type?: unknown; id?: unknown; label?: unknown };
  description?: unknown;
  ipAddress?: unknown;
}

const cell = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * One CSV row. A cell starting with = + - @ (or tab/CR) is prefixed with ' so a spreadsheet never runs a
 * description typed in Zendesk as a formula (OWASP CSV injection).
 */
export function csvRow(activity: ExportedActivity): string[] {
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    occurredAt: activity.occurredAt,
    account: activity.account,
    actorType: activity.actor?.type,
    actorId: activity.actor?.id,
    actorName: activity.actor?.name,
    action: activity.action,
    actionLabel: activity.actionLabel,
    sourceType: activity.source?.type,
    sourceId: activity.source?.id,
    sourceLabel: activity.source?.label,
    description: activity.description,
    ipAddress: activity.ipAddress,
    activityId: activity.activityId,
    auditLogId: activity.auditLogId,
    collectedAt: activity.collectedAt,
  };
  return CSV_COLUMNS.map((column) => {
    const text = cell(values[column]);
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  });
}

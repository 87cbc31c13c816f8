import type { ConnectorStatusView } from './service-clients';
import type { CollectionState } from './scenario';

export interface BackfillProgress {
  /** 0–1 of the backfill window covered; null while unknown. */
  ratio: number | null;
  completed: boolean;
  activities: number | null;
  /** When the collector expects the backfill to end at the connector's budget; null while unknown. */
  eta?: string | null;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Reads the projection's status view: a ratio per resource or a covered-until time over the window. */
export function progressFromStatus(view: ConnectorStatusView): BackfillProgress | null {
  const backfill = view.backfill as Record<string, unknown> | null | undefined;
  if (backfill === null || backfill === undefined) return null;
  const completed = typeof backfill['completedAt'] === 'string' || backfill['completed'] === true;
  const audit = (backfill['auditLogs'] ?? backfill['audit_logs']) as Record<string, unknown> | number | undefined;
  const ratio = typeof audit === 'number' ? audit : (num(audit?.['ratio']) ?? num(backfill['ratio']));
  const activities = num(backfill['activityCount']) ?? (typeof audit === 'object' ? num(audit['itemsFetched']) : null);
  return { ratio: completed ? 1 : ratio, completed, activities };
}

/** The collector's own view: how far the audit-log walk got through the backfill window. */
export function progressFromCollection(state: CollectionState): BackfillProgress | null {
  if (state.backfill === null) return null;
  const from = Date.parse(state.backfill.from);
  const to = Date.parse(state.backfill.to);
  // The backfill's own position: the checkpoint's is the live tail's once it runs beside the backfill.
  const at = Date.parse(state.backfill.auditLogsAt ?? state.checkpoint?.auditLogsAt ?? '');
  const covered = Number.isFinite(at) && to > from ? Math.min(1, Math.max(0, (at - from) / (to - from))) : null;
  return {
    ratio: state.backfill.completed ? 1 : (state.backfill.ratio ?? covered),
    completed: state.backfill.completed,
    activities: state.checkpoint?.activitiesPublished ?? null,
    eta: state.backfill.estimatedCompletionAt ?? null,
  };
}

/** `[██████░░░░░░]  52%` */
export function progressBar(ratio: number | null, width = 30): string {
  if (ratio === null) return `[${'░'.repeat(width)}]   …`;
  const filled = Math.round(ratio * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%`;
}

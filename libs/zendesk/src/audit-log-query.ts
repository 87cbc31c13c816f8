export type AuditAction = 'create' | 'destroy' | 'exported' | 'login' | 'update';

export interface AuditLogQuery {
  readonly sourceType?: string;
  /** Zendesk requires sourceType with sourceId. */
  readonly sourceId?: number;
  readonly actorId?: number;
  readonly ipAddress?: string;
  readonly actions?: readonly AuditAction[];
  /** Inclusive created_at window; send both for a bounded walk. */
  readonly createdFrom?: Date;
  readonly createdTo?: Date;
  readonly sort?: 'created_at' | '-created_at';
  readonly pageSize?: number;
}

const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The first page's path; later pages follow links.next, which repeats these filters. */
export function auditLogsPath(query: AuditLogQuery): string {
  const params = new URLSearchParams();
  if (query.sourceType !== undefined) params.set('filter[source_type]', query.sourceType);
  if (query.sourceId !== undefined) params.set('filter[source_id]', String(query.sourceId));
  if (query.actorId !== undefined) params.set('filter[actor_id]', String(query.actorId));
  if (query.ipAddress !== undefined) params.set('filter[ip_address]', query.ipAddress);
  for (const action of query.actions ?? []) params.append('filter[action][]', action);
  if (query.createdFrom || query.createdTo) {
    params.append('filter[created_at][]', iso(query.createdFrom ?? new Date(0)));
    if (query.createdTo) params.append('filter[created_at][]', iso(query.createdTo));
  }
  params.set('sort', query.sort ?? '-created_at');
  params.set('page[size]', String(Math.min(100, query.pageSize ?? 100)));
  return `/api/v2/audit_logs.json?${params.toString()}`;
}

import { type AuditAction, AuditActionSchema } from '../domain/audit-entry';
import type { AuditFilter } from '../domain/audit-store';
import { parseTimeToSeconds } from '../domain/time';
import { type Query, first, values } from './query';

export type ParsedAuditQuery = { ok: true; filter: AuditFilter } | { ok: false; description: string };

const toInt = (raw: string | undefined) => (raw !== undefined && /^-?\d+$/.test(raw) ? Number(raw) : undefined);

/** Every filter of reference §4.2; `filter[created_at][]` is given twice, start then end, both inclusive. */
export function parseAuditFilter(query: Query): ParsedAuditQuery {
  const sourceType = first(query, 'filter[source_type]');
  const sourceIdRaw = first(query, 'filter[source_id]');
  const actorIdRaw = first(query, 'filter[actor_id]');
  const ipAddress = first(query, 'filter[ip_address]');
  const actionsRaw = values(query, 'filter[action]', 'filter[action][]');
  const range = values(query, 'filter[created_at][]', 'filter[created_at]');
  if (sourceIdRaw !== undefined && sourceType === undefined) {
    return { ok: false, description: 'filter[source_id] requires filter[source_type]' };
  }
  const sourceId = toInt(sourceIdRaw);
  const actorId = toInt(actorIdRaw);
  if ((sourceIdRaw !== undefined && sourceId === undefined) || (actorIdRaw !== undefined && actorId === undefined)) {
    return { ok: false, description: 'filter ids must be integers' };
  }
  const actions: AuditAction[] = [];
  for (const raw of actionsRaw.flatMap((a) => a.split(','))) {
    const parsed = AuditActionSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, description: `Unknown filter[action] ${raw}` };
    actions.push(parsed.data);
  }
  if (range.length > 2) return { ok: false, description: 'filter[created_at][] takes a start and an end' };
  const bounds = range.map(parseTimeToSeconds);
  if (bounds.some((b) => b === null)) return { ok: false, description: 'filter[created_at][] must be ISO-8601 times' };
  const [from, to] = bounds as number[];
  return {
    ok: true,
    filter: {
      ...(sourceType !== undefined ? { sourceType } : {}),
      ...(sourceId !== undefined ? { sourceId } : {}),
      ...(actorId !== undefined ? { actorId } : {}),
      ...(ipAddress !== undefined ? { ipAddress } : {}),
      ...(actions.length > 0 ? { actions } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
    },
  };
}

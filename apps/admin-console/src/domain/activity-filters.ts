import { z } from 'zod';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, `must be at most ${String(max)} characters`)
      .optional(),
  );
/** `<input type="datetime-local">` gives minutes without a zone; the console reads them as UTC and says so. */
const localDateTime = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'must be a date and time (YYYY-MM-DDTHH:MM, UTC)')
    .optional(),
);

/** The activity log's filter form, as the browser sends it in the query string. */
export const ActivityFilterForm = z.object({
  connector: optionalText(200),
  actorId: z.preprocess(blankToUndefined, z.coerce.number().int('must be a whole number').optional()),
  actorType: z.preprocess(blankToUndefined, z.enum(['user', 'system']).optional()),
  action: optionalText(100),
  sourceType: optionalText(100),
  ip: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, 'must be an IP address or a CIDR range such as 10.0.0.0/8')
      .optional(),
  ),
  q: optionalText(200),
  /** A checkbox: present ("true") when ticked, absent otherwise. */
  adminOnly: z.preprocess(blankToUndefined, z.literal('true', 'must be true or left out').optional()),
  lastDays: z.preprocess(
    blankToUndefined,
    z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(3650).optional(),
  ),
  from: localDateTime,
  to: localDateTime,
  cursor: optionalText(500),
});
export type ActivityFilterForm = z.infer<typeof ActivityFilterForm>;

/** The query the projection's GET /v1/activities and /v1/activities/export take. */
export interface ActivityApiQuery {
  connector?: string;
  actorId?: number;
  actorType?: 'user' | 'system';
  action?: string;
  sourceType?: string;
  ip?: string;
  q?: string;
  /**
   * Only activities done with admin rights. Sent as the literal "true" the query string carries, so this
   * compiles against a generated parameter typed as a string, "true" | "false" or "true".
   */
  adminOnly?: 'true';
  from?: string;
  to?: string;
}

const utc = (local: string): string => new Date(`${local.length === 16 ? `${local}:00` : local}Z`).toISOString();

/** Form → API query: "last N days" wins over an explicit start, times are UTC, empty filters are left out. */
export function toApiQuery(form: ActivityFilterForm, now: Date): ActivityApiQuery {
  const query: ActivityApiQuery = {};
  if (form.connector !== undefined) query.connector = form.connector;
  if (form.actorId !== undefined) query.actorId = form.actorId;
  if (form.actorType !== undefined) query.actorType = form.actorType;
  if (form.action !== undefined) query.action = form.action;
  if (form.sourceType !== undefined) query.sourceType = form.sourceType;
  if (form.ip !== undefined) query.ip = form.ip;
  if (form.q !== undefined) query.q = form.q;
  if (form.adminOnly !== undefined) query.adminOnly = form.adminOnly;
  if (form.lastDays !== undefined) query.from = new Date(now.getTime() - form.lastDays * 86_400_000).toISOString();
  else if (form.from !== undefined) query.from = utc(form.from);
  if (form.to !== undefined) query.to = utc(form.to);
  return query;
}

/** The same filters as a console URL query (for links: next page, export, a row's detail and back). */
export function formToSearch(
  form: ActivityFilterForm,
  overrides: Partial<Record<keyof ActivityFilterForm, string>> = {},
) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...form, ...overrides })) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  return search.toString();
}

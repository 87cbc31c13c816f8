import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/**
 * An IP address or a CIDR range (`10.0.0.0/8`, `2001:db8::/32`). Parsed once here so the API rejects a bad
 * value with the field named, and matching is a prefix comparison, not string equality.
 */
export const IpFilter = z
  .string()
  .min(1)
  .max(64)
  .transform((value, context) => {
    try {
      const [address, bits] = value.includes('/')
        ? ipaddr.parseCIDR(value)
        : (() => {
            const parsed = ipaddr.parse(value);
            return [parsed, parsed.kind() === 'ipv4' ? 32 : 128] as const;
          })();
      return { text: value, address, bits };
    } catch {
      context.addIssue({ code: 'custom', message: 'must be an IP address or a CIDR range' });
      return z.NEVER;
    }
  });
export type IpFilter = z.output<typeof IpFilter>;

/** The activity filters of the query API, as the domain evaluates them (the API schema parses into this). */
export const ActivityFilters = z.object({
  connector: z.string().min(1).optional(),
  actorId: z.coerce.number().int().optional(),
  actorType: z.enum(['user', 'system']).optional(),
  action: z.string().min(1).optional(),
  sourceType: z.string().min(1).optional(),
  ip: IpFilter.optional(),
  /** Case-insensitive text in the description, the action label or the actor's name. */
  q: z.string().min(1).max(200).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
});
export type ActivityFilters = z.output<typeof ActivityFilters>;

/** The fields of an activity the filters look at. */
export interface FilterableActivity {
  occurredAt: Date;
  actor: { id: number; name: string; type: 'user' | 'system' };
  action: string;
  actionLabel: string;
  source: { type: string };
  description: string;
  ipAddress: string | null;
}

export function ipMatches(filter: IpFilter, candidate: string | null): boolean {
  if (candidate === null) return false;
  try {
    let address = ipaddr.parse(candidate);
    // An IPv4-mapped IPv6 address is the IPv4 address for matching purposes.
    if (address.kind() === 'ipv6' && filter.address.kind() === 'ipv4') {
      const v6 = address as ipaddr.IPv6;
      if (!v6.isIPv4MappedAddress()) return false;
      address = v6.toIPv4Address();
    }
    if (address.kind() !== filter.address.kind()) return false;
    return address.match(filter.address, filter.bits);
  } catch {
    return false;
  }
}

/** The exact test of one activity against the filters other than the connector and the time range. */
export function matchesFilters(filters: ActivityFilters, activity: FilterableActivity): boolean {
  if (filters.actorId !== undefined && activity.actor.id !== filters.actorId) return false;
  if (filters.actorType !== undefined && activity.actor.type !== filters.actorType) return false;
  if (filters.action !== undefined && activity.action !== filters.action) return false;
  if (filters.sourceType !== undefined && activity.source.type !== filters.sourceType) return false;
  if (filters.ip !== undefined && !ipMatches(filters.ip, activity.ipAddress)) return false;
  if (filters.q !== undefined) {
    const needle = filters.q.toLocaleLowerCase('en');
    const haystack = `${activity.description}\n${activity.actionLabel}\n${activity.actor.name}`.toLocaleLowerCase('en');
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

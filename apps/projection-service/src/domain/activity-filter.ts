import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import type { PageItem } from './activity-view';

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

/** What a query must know about a connector beyond its activities, read at query time when a filter needs it. */
export interface ConnectorFacts {
  /** Zendesk ids of the connector's users whose latest snapshot has the admin role. */
  adminIds: ReadonlySet<number>;
}
export type ConnectorFact = keyof ConnectorFacts;

/** One filter: its query parameter, the page-item value it is matched against, and the facet that lists it. */
interface FilterSpec<Param extends z.ZodType, Value, Facet extends string | undefined> {
  param: Param;
  /** The document path matched: a page item's value (an item whose value is null matches nothing). */
  value: (item: PageItem) => Value;
  /** The day facet listing this value per bucket, so buckets without a match are skipped unread. */
  facet: Facet;
  needs?: ConnectorFact;
  /** The test of one value against the parameter as parsed. */
  test: (wanted: z.output<Param>, facts: ConnectorFacts) => (value: NonNullable<Value>) => boolean;
}

const defineFilter = <Param extends z.ZodType, Value, const Facet extends string | undefined = undefined>(
  spec: FilterSpec<Param, Value, Facet>,
) => spec;

const equals =
  <T>(wanted: T) =>
  (value: T) =>
    value === wanted;

/**
 * Every activity filter of the query API, in one table: the list and export routes take their parameters from
 * it, the search rules buckets out by its facets and tests items by its values, and the day facets are built
 * from it. Adding a filter is adding a row (and, with a new facet, rebuilding the activities view).
 */
export const ACTIVITY_FILTERS = {
  actorId: defineFilter({
    param: z.coerce.number().int(),
    value: (item) => item.actor.id,
    facet: 'actorIds',
    test: equals,
  }),
  actorType: defineFilter({
    param: z.enum(['user', 'system']),
    value: (item) => item.actor.type,
    facet: 'actorTypes',
    test: equals,
  }),
  action: defineFilter({ param: z.string().min(1), value: (item) => item.action, facet: 'actions', test: equals }),
  sourceType: defineFilter({
    param: z.string().min(1),
    value: (item) => item.source.type,
    facet: 'sourceTypes',
    test: equals,
  }),
  ip: defineFilter({
    param: IpFilter.describe('an IP address or a CIDR range'),
    value: (item) => item.ipAddress,
    facet: 'ips',
    test: (wanted) => (ip) => ipMatches(wanted, ip),
  }),
  q: defineFilter({
    param: z.string().min(1).max(200).describe('case-insensitive text in the description, action label or actor name'),
    value: (item) => `${item.description}\n${item.actionLabel}\n${item.actor.name}`,
    facet: undefined,
    test: (needle) => {
      const lower = needle.toLocaleLowerCase('en');
      return (text) => text.toLocaleLowerCase('en').includes(lower);
    },
  }),
  adminOnly: defineFilter({
    // `false` asks nothing, so it parses to absent.
    param: z
      .enum(['true', 'false'])
      .transform((on) => (on === 'true' ? true : undefined))
      .describe("true: only activities whose actor is an admin of the connector's Zendesk account"),
    value: (item) => item.actor.id,
    facet: 'actorIds',
    needs: 'adminIds',
    test: (_on, facts) => (id) => facts.adminIds.has(id),
  }),
};
type Filters = typeof ACTIVITY_FILTERS;

const Instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

type Optional<T extends Record<string, { param: z.ZodType }>> = { [K in keyof T]: z.ZodOptional<T[K]['param']> };
const optionalParams = <T extends Record<string, { param: z.ZodType }>>(specs: T): Optional<T> =>
  Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.param.optional()])) as Optional<T>;

/** The activity query's filter parameters (the list and the export take them; the list adds paging). */
export const ActivityFilterQuery = z.object({
  connector: z.string().min(1).optional(),
  ...optionalParams(ACTIVITY_FILTERS),
  from: Instant.optional().describe('inclusive, ISO-8601'),
  to: Instant.optional().describe('exclusive, ISO-8601'),
});
export type ActivityFilters = z.output<typeof ActivityFilterQuery>;

/** The facet lists of a bucket, one per facet the table names, typed by the value it lists. */
type FacetEntry<S> =
  S extends FilterSpec<z.ZodType, infer Value, infer Facet extends string> ? [Facet, NonNullable<Value>] : never;
export type FacetLists = { [E in FacetEntry<Filters[keyof Filters]> as E[0]]: E[1][] };

interface AnySpec {
  value: (item: PageItem) => unknown;
  facet: string | undefined;
  needs?: ConnectorFact;
  test: (wanted: unknown, facts: ConnectorFacts) => (value: unknown) => boolean;
}
const SPECS = Object.entries(ACTIVITY_FILTERS) as [keyof Filters, AnySpec][];

const distinct = <T>(values: Iterable<T>): T[] => [...new Set(values)].sort();

/** A bucket's facets: the distinct values of each faceted filter over its items. */
export function facetListsOf(items: readonly PageItem[]): FacetLists {
  const lists: Record<string, unknown[]> = {};
  for (const [, spec] of SPECS) {
    if (spec.facet === undefined || spec.facet in lists) continue;
    lists[spec.facet] = distinct(items.flatMap((item) => nonNull(spec.value(item))));
  }
  return lists as FacetLists;
}

const nonNull = (value: unknown): unknown[] => (value === null || value === undefined ? [] : [value]);

const activeSpecs = (filters: ActivityFilters) =>
  SPECS.flatMap(([name, spec]) => {
    const wanted: unknown = filters[name];
    return wanted === undefined ? [] : [{ spec, wanted }];
  });

/** The facts about the connector the filters need before they can be tested. */
export const factsNeeded = (filters: ActivityFilters): Set<ConnectorFact> =>
  new Set(activeSpecs(filters).flatMap(({ spec }) => (spec.needs === undefined ? [] : [spec.needs])));

/** The filters (but connector and time range, which pick what is read) as tests of items and of buckets. */
export interface ActivityMatcher {
  /** True when some facet can rule buckets out: every bucket left then likely holds a match. */
  selective: boolean;
  item(item: PageItem): boolean;
  /** Whether a bucket can hold a match; only a hint, items are still tested one by one. */
  bucket(facet: FacetLists & { count: number }): boolean;
}

export function activityMatcher(filters: ActivityFilters, facts: ConnectorFacts): ActivityMatcher {
  const tests = activeSpecs(filters).map(({ spec, wanted }) => ({ spec, test: spec.test(wanted, facts) }));
  const faceted = tests.flatMap(({ spec, test }) =>
    spec.facet === undefined ? [] : [{ facet: spec.facet as keyof FacetLists, test }],
  );
  return {
    selective: faceted.length > 0,
    item: (item) =>
      tests.every(({ spec, test }) => {
        const value = spec.value(item);
        return value !== null && value !== undefined && test(value);
      }),
    bucket: (facet) => facet.count > 0 && faceted.every(({ facet: name, test }) => facet[name].some(test)),
  };
}

/** Facts for filters that need none. */
export const NO_FACTS: ConnectorFacts = { adminIds: new Set() };

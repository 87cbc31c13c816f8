import { describe, expect, it } from 'vitest';
import {
  activityMatcher,
  ActivityFilterQuery,
  factsNeeded,
  ipMatches,
  IpFilter,
  NO_FACTS,
  type ConnectorFacts,
  type FacetLists,
} from './activity-filter';
import {
  BUCKET_MS,
  bucketStartOf,
  bucketsInWindow,
  daysInWindow,
  facetOf,
  isAfterPosition,
  itemMatches,
  mergeIntoPage,
  newestFirst,
  withDays,
  withFacets,
} from './activity-pages';
import type { PageItem } from './activity-view';

const T0 = Date.UTC(2026, 11, 1, 12, 0, 0);
const item = (id: number, atMs: number, overrides: Partial<PageItem> = {}): PageItem => ({
  _id: `zd:acme:${String(id)}`,
  account: 'acme',
  auditLogId: id,
  occurredAt: new Date(atMs),
  collectedAt: new Date(atMs + 60_000),
  actor: { id: 7, name: 'Ada Admin', type: 'user' },
  action: 'update',
  actionLabel: 'Updated',
  source: { type: 'user', id: 3, label: 'Bob' },
  description: 'Role changed to admin',
  ipAddress: '10.1.2.3',
  ...overrides,
});

describe('activity pages', () => {
  it('merges idempotently and commutatively, newest first with the id breaking ties', () => {
    const a = [item(1, T0), item(2, T0), item(3, T0 - 1_000)];
    const b = [item(2, T0, { collectedAt: new Date(T0) }), item(4, T0 + 5_000)];
    const ab = mergeIntoPage(mergeIntoPage([], a).items, b);
    const ba = mergeIntoPage(mergeIntoPage([], b).items, a);
    expect(ab.items).toEqual(ba.items);
    expect(ab.items.map((i) => i.auditLogId)).toEqual([4, 2, 1, 3]);
    // The earliest collection wins, and counts as a change the activity documents must see.
    expect(ab.items[1]?.collectedAt).toEqual(new Date(T0));
    expect(ab.added).toEqual(new Set(['zd:acme:2', 'zd:acme:4']));
    const again = mergeIntoPage(ab.items, [...a, ...b]);
    expect(again.added.size).toBe(0);
    expect(again.items).toEqual(ab.items);
  });

  it('pages strictly after a keyset position in the newest-first order', () => {
    const sorted = [item(5, T0), item(4, T0), item(9, T0 - 1)].sort(newestFirst);
    expect(sorted.map((i) => i.auditLogId)).toEqual([5, 4, 9]);
    const position = { value: new Date(T0), id: 'zd:acme:5' };
    expect(sorted.filter((i) => isAfterPosition(i, position)).map((i) => i.auditLogId)).toEqual([4, 9]);
  });

  it('facets rule out buckets that cannot match, never ones that can', () => {
    const facet = facetOf({
      start: bucketStartOf(new Date(T0)),
      items: [item(1, T0), item(2, T0, { actor: { id: -1, name: 'Acme', type: 'system' }, ipAddress: null })],
    });
    // The stored layout of a facet is what the filter table names, in this order.
    const lists: FacetLists = {
      actorIds: [-1, 7],
      actorTypes: ['system', 'user'],
      actions: ['update'],
      sourceTypes: ['user'],
      ips: ['10.1.2.3'],
    };
    expect(JSON.stringify(facet)).toBe(JSON.stringify({ start: facet.start, count: 2, ...lists }));
    const mayMatch = (input: Record<string, string>, facts: ConnectorFacts = NO_FACTS) =>
      activityMatcher(ActivityFilterQuery.parse(input), facts).bucket(facet);
    expect(mayMatch({ actorId: '7' })).toBe(true);
    expect(mayMatch({ actorId: '8' })).toBe(false);
    expect(mayMatch({ actorType: 'system' })).toBe(true);
    expect(mayMatch({ action: 'delete' })).toBe(false);
    expect(mayMatch({ ip: '10.0.0.0/8' })).toBe(true);
    expect(mayMatch({ ip: '192.168.0.0/16' })).toBe(false);
    expect(mayMatch({ q: 'anything' })).toBe(true);
    expect(mayMatch({ adminOnly: 'true' }, { adminIds: new Set([7]) })).toBe(true);
    expect(mayMatch({ adminOnly: 'true' }, { adminIds: new Set([8]) })).toBe(false);
    expect(mayMatch({ adminOnly: 'false' }, NO_FACTS)).toBe(true);
  });

  it('keeps only admins’ activities with adminOnly, from the facts read at query time', () => {
    const filters = ActivityFilterQuery.parse({ adminOnly: 'true' });
    expect(factsNeeded(filters)).toEqual(new Set(['adminIds']));
    expect(factsNeeded(ActivityFilterQuery.parse({ adminOnly: 'false', actorId: '7' })).size).toBe(0);
    const matcher = activityMatcher(filters, { adminIds: new Set([7]) });
    expect(matcher.selective).toBe(true);
    expect(matcher.item(item(1, T0))).toBe(true);
    expect(matcher.item(item(2, T0, { actor: { id: 8, name: 'Eve Agent', type: 'user' } }))).toBe(false);
    expect(matcher.item(item(3, T0, { actor: { id: -1, name: 'Acme', type: 'system' } }))).toBe(false);
    expect(ActivityFilterQuery.safeParse({ adminOnly: 'maybe' }).success).toBe(false);
  });

  it('filters items exactly: time window, text, CIDR', () => {
    const filters = activityMatcher(ActivityFilterQuery.parse({ q: 'ROLE changed', ip: '10.1.0.0/16' }), NO_FACTS);
    expect(itemMatches(filters, {}, item(1, T0))).toBe(true);
    expect(itemMatches(filters, { to: new Date(T0) }, item(1, T0))).toBe(false);
    expect(itemMatches(filters, { from: new Date(T0) }, item(1, T0))).toBe(true);
    expect(itemMatches(filters, {}, item(1, T0, { ipAddress: '10.2.0.1' }))).toBe(false);
    expect(itemMatches(filters, {}, item(1, T0, { description: 'Signed in' }))).toBe(false);
  });

  it('walks only the days and buckets a window can reach', () => {
    const days = ['2026-12-03', '2026-12-02', '2026-12-01'];
    expect(daysInWindow(days, { from: new Date(Date.UTC(2026, 11, 2, 23)) })).toEqual(['2026-12-03', '2026-12-02']);
    expect(daysInWindow(days, { to: new Date(Date.UTC(2026, 11, 2)) })).toEqual(['2026-12-01']);
    const facets = [2, 1, 0].map((n) =>
      facetOf({ start: new Date(T0 + n * BUCKET_MS), items: [item(n, T0 + n * BUCKET_MS)] }),
    );
    const after = { value: new Date(T0 + BUCKET_MS + 1), id: 'zd:acme:1' };
    expect(bucketsInWindow(facets, { after }, activityMatcher({}, NO_FACTS)).map((f) => f.count)).toHaveLength(2);
    expect(bucketsInWindow(facets, { from: new Date(T0 + 2 * BUCKET_MS) }, activityMatcher({}, NO_FACTS))).toHaveLength(
      1,
    );
  });

  it('replaces changed facets and lists new days, reporting no change as null', () => {
    const facet = facetOf({ start: new Date(T0), items: [item(1, T0)] });
    const list = withFacets([], [facet]);
    expect(list).toHaveLength(1);
    expect(withFacets(list ?? [], [facet])).toBeNull();
    expect(withDays(['2026-12-01'], ['2026-12-01'])).toBeNull();
    expect(withDays(['2026-12-01'], ['2026-12-03', '2026-12-02'])).toEqual(['2026-12-03', '2026-12-02', '2026-12-01']);
  });
});

describe('IP filters', () => {
  it('accepts addresses and CIDR ranges, v4 and v6, and matches v4-mapped v6 addresses', () => {
    const range = IpFilter.parse('10.0.0.0/8');
    expect(ipMatches(range, '10.9.8.7')).toBe(true);
    expect(ipMatches(range, '::ffff:10.9.8.7')).toBe(true);
    expect(ipMatches(range, '11.0.0.1')).toBe(false);
    expect(ipMatches(range, null)).toBe(false);
    expect(ipMatches(IpFilter.parse('2001:db8::/32'), '2001:db8::1')).toBe(true);
    expect(ipMatches(IpFilter.parse('192.0.2.1'), '192.0.2.1')).toBe(true);
    expect(IpFilter.safeParse('10.0.0.0/33').success).toBe(false);
    expect(IpFilter.safeParse('not-an-ip').success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './audit-entry';
import { AuditStore } from './audit-store';

const entry = (id: number, createdAt: number, visibleAt = 0): AuditEntry => ({
  id,
  createdAt,
  visibleAt,
  action: 'update',
  actionLabel: 'Updated',
  actorId: 1,
  actorName: 'A',
  sourceId: 1,
  sourceType: 'user',
  sourceLabel: 'U',
  changeDescription: '',
  ipAddress: null,
});

describe('AuditStore', () => {
  it('orders by created_at then id, keeps late inserts in place and hides invisible ones', () => {
    const store = new AuditStore();
    [entry(1, 10), entry(2, 10), entry(3, 20), entry(4, 15, 1000)].forEach((e) => store.insert(e));
    expect(store.page({}, { order: 'asc', size: 10 }, 0).items.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(store.page({}, { order: 'asc', size: 10 }, 1000).items.map((e) => e.id)).toEqual([1, 2, 4, 3]);
    expect(store.page({ from: 10, to: 15 }, { order: 'desc', size: 10 }, 1000).items.map((e) => e.id)).toEqual([
      4, 2, 1,
    ]);
  });

  it('pages after and before a cursor in both orders', () => {
    const store = new AuditStore();
    for (let i = 1; i <= 5; i += 1) store.insert(entry(i, 100));
    const first = store.page({}, { order: 'asc', size: 2 }, 0);
    expect(first).toMatchObject({ hasMore: true });
    const second = store.page({}, { order: 'asc', size: 2, after: { t: 100, id: 2 } }, 0);
    expect(second.items.map((e) => e.id)).toEqual([3, 4]);
    const back = store.page({}, { order: 'asc', size: 2, before: { t: 100, id: 3 } }, 0);
    expect(back.items.map((e) => e.id)).toEqual([1, 2]);
    const desc = store.page({}, { order: 'desc', size: 2, after: { t: 100, id: 4 } }, 0);
    expect(desc.items.map((e) => e.id)).toEqual([3, 2]);
  });

  it('still applies attribute filters and visibility once every entry is visible', () => {
    const store = new AuditStore();
    [entry(1, 10), { ...entry(2, 11), actorId: 2 }, entry(3, 12), entry(4, 13, 500)].forEach((e) => store.insert(e));
    const ids = (page: { items: readonly AuditEntry[] }) => page.items.map((e) => e.id);
    expect(ids(store.page({ actorId: 1 }, { order: 'asc', size: 10 }, 1000))).toEqual([1, 3, 4]);
    expect(ids(store.page({ from: 11 }, { order: 'desc', size: 2 }, 1000))).toEqual([4, 3]);
    expect(store.offsetPage({}, 'asc', 0, 10, 499)).toMatchObject({ count: 3 });
    expect(store.offsetPage({}, 'desc', 1, 2, 1000).items.map((e) => e.id)).toEqual([3, 2]);
  });
});

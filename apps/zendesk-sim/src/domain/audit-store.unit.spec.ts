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
});

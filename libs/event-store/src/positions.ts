import { bulkStopOf } from '@zc/mongo';
import type { StoreCollections } from './records';

/**
 * Global positions by unique insert, not by `$inc`: FerretDB 1.24 applies `$inc` (and any conditional
 * update) as an unlocked read-modify-write, so concurrent increments are lost and hand out the same
 * value twice. Inserting `{_id: n}` is atomic on both servers.
 *
 * Each store instance claims the next numbers from its own cursor synchronously, so concurrent appends
 * in one process never collide; it re-reads the maximum (one refresh at a time, shared by all waiting
 * callers) only after another process took a number first. Positions are unique and increase per
 * process; they have gaps (lost appends) and across processes follow neither commit nor clock order.
 */
export class PositionAllocator {
  private next: number | undefined;
  private refreshing: Promise<number> | undefined;

  constructor(private readonly collections: StoreCollections) {}

  async allocate(count: number): Promise<number[]> {
    const taken: number[] = [];
    while (taken.length < count) {
      const fresh = this.next ?? (await this.firstFree());
      const start = this.next ?? fresh;
      const wanted = count - taken.length;
      this.next = start + wanted;
      const candidates = Array.from({ length: wanted }, (_, index) => start + index);
      try {
        await this.collections.positions.insertMany(
          candidates.map((position) => ({ _id: position })),
          { ordered: true },
        );
        taken.push(...candidates);
      } catch (error) {
        const stop = bulkStopOf(error);
        if (!stop?.duplicateKey) throw error;
        // Another process is ahead: keep what we got, then look up where it is.
        taken.push(...candidates.slice(0, stop.index));
        if (this.next === start + wanted) this.next = undefined;
      }
    }
    return taken;
  }

  private firstFree(): Promise<number> {
    this.refreshing ??= this.collections.positions
      .find({})
      .sort({ _id: -1 })
      .limit(1)
      .toArray()
      .then(([highest]) => (highest?._id ?? 0) + 1)
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }
}

import { insertManyIgnoringDuplicates } from '@zc/mongo';
import type { StoreCollections } from './records';

/**
 * Global positions by unique insert, not by `$inc`: FerretDB 1.24 applies `$inc` (and any conditional
 * update) as an unlocked read-modify-write, so concurrent increments are lost and hand out the same
 * value twice. Inserting `{_id: n}` is atomic on both servers. Each store instance guesses the next
 * free numbers from its own cache (one process never races itself) and re-reads the maximum only after
 * another process took a number first. Positions are unique and increase with allocation time; they
 * have gaps (lost appends) and may become visible out of order (slow writers).
 */
export class PositionAllocator {
  private next: number | undefined;

  constructor(private readonly collections: StoreCollections) {}

  async allocate(count: number): Promise<number[]> {
    const taken: number[] = [];
    while (taken.length < count) {
      const start = this.next ?? (await this.firstFree());
      const wanted = count - taken.length;
      // Claimed before awaiting, so concurrent appends in this process take disjoint numbers.
      this.next = Math.max(this.next ?? 0, start + wanted);
      const candidates = Array.from({ length: wanted }, (_, index) => start + index);
      const { duplicates } = await insertManyIgnoringDuplicates(
        this.collections.positions,
        candidates.map((position) => ({ _id: position })),
      );
      const lost = new Set(duplicates);
      taken.push(...candidates.filter((_, index) => !lost.has(index)));
      if (lost.size > 0) this.next = undefined;
    }
    return taken;
  }

  private async firstFree(): Promise<number> {
    const [highest] = await this.collections.positions.find({}).sort({ _id: -1 }).limit(1).toArray();
    return (highest?._id ?? 0) + 1;
  }
}

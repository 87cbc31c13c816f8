import { describe, expect, it } from 'vitest';
import { readAhead } from './audit-walk';

const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 1));

describe('reading pages ahead', () => {
  it('fetches ahead while the caller is busy and hands over what arrived as one batch, in order', async () => {
    const asked: number[] = [];
    async function* pages() {
      for (let page = 1; page <= 6; page += 1) {
        asked.push(page);
        yield await later(page);
      }
    }
    const reader = readAhead(pages(), 3);
    const batches: number[][] = [];
    for (let batch = await reader.nextBatch(); batch !== null; batch = await reader.nextBatch()) {
      batches.push(batch);
      // A slow checkpoint: the reader keeps fetching meanwhile, never more than 3 ahead.
      await later(null);
      await later(null);
      await later(null);
      await later(null);
      await later(null);
    }
    expect(batches.flat()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(batches.length).toBeLessThan(6);
    expect(batches.every((batch) => batch.length <= 3)).toBe(true);
  });

  it('surfaces a failure only after the pages that arrived before it', async () => {
    async function* pages() {
      yield await later(1);
      throw new Error('upstream failed');
    }
    const reader = readAhead(pages(), 4);
    const seen: number[] = [];
    await expect(
      (async () => {
        for (let batch = await reader.nextBatch(); batch !== null; batch = await reader.nextBatch())
          seen.push(...batch);
      })(),
    ).rejects.toThrow('upstream failed');
    expect(seen).toEqual([1]);
  });
});

import { describe, expect, it } from 'vitest';
import { prefetched } from './audit-walk';

describe('prefetched pages', () => {
  it('asks for the next page before the current one is processed, and yields them in order', async () => {
    const asked: number[] = [];
    async function* pages() {
      for (let page = 1; page <= 3; page += 1) {
        asked.push(page);
        yield await Promise.resolve(page);
      }
    }
    const seen: { page: number; askedBefore: number[] }[] = [];
    for await (const page of prefetched(pages())) {
      await Promise.resolve();
      seen.push({ page, askedBefore: [...asked] });
    }
    expect(seen.map((entry) => entry.page)).toEqual([1, 2, 3]);
    expect(seen[0]?.askedBefore).toEqual([1, 2]);
  });

  it('surfaces a failure of the page fetched ahead only when the walk reaches it', async () => {
    async function* pages() {
      yield await Promise.resolve(1);
      throw new Error('upstream failed');
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const page of prefetched(pages())) seen.push(page);
      })(),
    ).rejects.toThrow('upstream failed');
    expect(seen).toEqual([1]);
  });
});

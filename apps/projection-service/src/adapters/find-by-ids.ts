import type { Collection, Document, Filter } from '@zc/mongo';
import pLimit from 'p-limit';

/**
 * Existing documents by id, one `{_id}` lookup each (a few in flight): that is the shape the embedded store
 * serves from an index, where `$in` would scan the whole collection once per batch.
 */
export async function findByIds<T extends Document & { _id: string }>(
  collection: Collection<T>,
  ids: readonly string[],
): Promise<Map<string, T>> {
  const limit = pLimit(8);
  const found = await Promise.all(
    [...new Set(ids)].map((id) => limit(() => collection.findOne({ _id: id } as Filter<T>))),
  );
  return new Map(found.filter((doc) => doc !== null).map((doc) => [doc._id, doc as T]));
}

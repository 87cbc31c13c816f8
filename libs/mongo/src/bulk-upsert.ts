import type { AnyBulkWriteOperation, Collection, Document, Filter, WithoutId } from 'mongodb';
import { bulkStopOf } from './errors';

export interface BulkUpsertResult {
  /** Documents that did not exist and were inserted. */
  inserted: number;
  /** Documents that existed and were replaced (whether or not their content changed). */
  replaced: number;
}

/**
 * An ordered upsert batch stopped part-way: the documents before the failing one are written, the
 * failing one and those after it are not. Which one failed is not reported: FerretDB 1.24 answers
 * `index: 0` for every failed update. Replacing is idempotent, so retry the whole batch once the cause
 * (typically another unique index) is fixed.
 */
export class BulkUpsertError extends Error {
  readonly code = 'MONGO_BULK_UPSERT_STOPPED';
  constructor(
    readonly size: number,
    override readonly cause: unknown,
  ) {
    super(`Bulk upsert of ${String(size)} documents stopped part-way`);
    this.name = 'BulkUpsertError';
  }
}

/**
 * Replaces each document by `_id`, inserting it when absent, as ONE ordered batch.
 *
 * Why ordered: FerretDB 1.24 ignores `ordered: false` for updates and returns at the first error, while
 * MongoDB would carry on. Ordered gives the same contract on both: on failure exactly the documents
 * before the failing one are written and none after it. Replacing whole documents keeps the batch
 * idempotent, so retrying it whole is safe.
 */
export async function bulkUpsertById<TSchema extends Document & { _id: unknown }>(
  collection: Collection<TSchema>,
  docs: readonly TSchema[],
): Promise<BulkUpsertResult> {
  if (docs.length === 0) return { inserted: 0, replaced: 0 };
  const operations = docs.map((doc): AnyBulkWriteOperation<TSchema> => ({
    replaceOne: {
      filter: { _id: doc._id } as Filter<TSchema>,
      replacement: withoutId(doc),
      upsert: true,
    },
  }));
  const total = { inserted: 0, replaced: 0 };
  try {
    // FerretDB 1.24 never answers an update command of 100 or more statements; chunks keep the order.
    for (let start = 0; start < operations.length; start += UPDATE_CHUNK) {
      const result = await collection.bulkWrite(operations.slice(start, start + UPDATE_CHUNK), { ordered: true });
      total.inserted += result.upsertedCount;
      total.replaced += result.matchedCount;
    }
    return total;
  } catch (error) {
    if (!bulkStopOf(error)) throw error;
    throw new BulkUpsertError(docs.length, error);
  }
}

const UPDATE_CHUNK = 50;

function withoutId<TSchema extends Document & { _id: unknown }>(doc: TSchema): WithoutId<TSchema> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

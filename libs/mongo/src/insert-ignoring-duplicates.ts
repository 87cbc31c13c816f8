import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';
import { bulkStopOf, duplicateKeyIndexesOf } from './errors';

export interface InsertIgnoringDuplicatesResult {
  inserted: number;
  /** Indexes (in the docs given) that hit a unique index and were skipped. */
  duplicates: number[];
}

/**
 * Inserts in order, skipping documents that violate a unique index and carrying on after them.
 * For idempotent writes that several writers may race to perform: the order of inserts is kept (a
 * later document never lands before an earlier one), which plain unordered inserts do not promise.
 */
export async function insertManyIgnoringDuplicates<TSchema extends Document>(
  collection: Collection<TSchema>,
  docs: readonly OptionalUnlessRequiredId<TSchema>[],
): Promise<InsertIgnoringDuplicatesResult> {
  const duplicates: number[] = [];
  let inserted = 0;
  let start = 0;
  while (start < docs.length) {
    const remaining = docs.slice(start);
    try {
      // The driver adds `_id` to documents lacking one; copies keep the caller's objects untouched.
      await collection.insertMany(
        remaining.map((doc) => ({ ...doc })),
        { ordered: true },
      );
      inserted += remaining.length;
      return { inserted, duplicates };
    } catch (error) {
      const stop = bulkStopOf(error);
      if (!stop?.duplicateKey) throw error;
      duplicates.push(start + stop.index);
      inserted += stop.index;
      start += stop.index + 1;
    }
  }
  return { inserted, duplicates };
}

/**
 * Inserts every document in one unordered batch and reports which ones already existed (their indexes).
 * Unordered inserts carry on past duplicates on both MongoDB and FerretDB 1.24 (unlike its updates), so a
 * mostly-new batch costs one round trip where insertManyIgnoringDuplicates costs one per duplicate; the order
 * in which the documents land is not kept. Any error other than duplicate keys is rethrown.
 */
export async function insertManyReportingDuplicates<TSchema extends Document>(
  collection: Collection<TSchema>,
  docs: readonly OptionalUnlessRequiredId<TSchema>[],
): Promise<Set<number>> {
  if (docs.length === 0) return new Set();
  try {
    await collection.insertMany(
      docs.map((doc) => ({ ...doc })),
      { ordered: false },
    );
    return new Set();
  } catch (error) {
    const duplicates = duplicateKeyIndexesOf(error);
    if (duplicates === undefined) throw error;
    return new Set(duplicates);
  }
}

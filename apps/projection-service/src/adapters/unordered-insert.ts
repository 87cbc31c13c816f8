import {
  isDuplicateKeyError,
  type Collection,
  type Document,
  type Filter,
  type OptionalUnlessRequiredId,
} from '@zc/mongo';
import pLimit from 'p-limit';

interface WriteErrorLike {
  index: number;
  code: number;
}

/** The driver's bulk error, read by shape: only libs/mongo may import the driver's classes. */
function writeErrorsOf(error: unknown): WriteErrorLike[] | undefined {
  if (typeof error !== 'object' || error === null || !('writeErrors' in error)) return undefined;
  const errors = error.writeErrors;
  const list = Array.isArray(errors) ? (errors as unknown[]) : [errors];
  return list.filter(
    (item): item is WriteErrorLike => typeof item === 'object' && item !== null && 'index' in item && 'code' in item,
  );
}

/**
 * Inserts every document in one unordered batch and reports which ones already existed (by index).
 * Unordered inserts carry on past duplicates on both MongoDB and FerretDB 1.24 (unlike its updates),
 * so a mostly-new batch costs one round trip. Any error other than a duplicate key is rethrown.
 * (libs/mongo's insertManyIgnoringDuplicates is ordered, one round trip per duplicate.)
 */
export async function insertReportingDuplicates<T extends Document>(
  collection: Collection<T>,
  docs: readonly OptionalUnlessRequiredId<T>[],
): Promise<Set<number>> {
  if (docs.length === 0) return new Set();
  try {
    await collection.insertMany(
      docs.map((doc) => ({ ...doc })),
      { ordered: false },
    );
    return new Set();
  } catch (error) {
    const writeErrors = writeErrorsOf(error);
    if (!writeErrors || writeErrors.length === 0 || !isDuplicateKeyError(error)) throw error;
    if (writeErrors.some((writeError) => writeError.code !== 11000)) throw error;
    return new Set(writeErrors.map((writeError) => writeError.index));
  }
}

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

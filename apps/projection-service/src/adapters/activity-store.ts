import type { AnyBulkWriteOperation, Collection } from '@zc/mongo';
import { mergeActivity, type ActivityDoc } from '../domain/activity-view';
import { bulkWriteInChunks } from './chunked-bulk-write';
import { insertReportingDuplicates } from './unordered-insert';

export interface ActivityWriteResult {
  /** Documents that were new to the view (the freshness metric counts these once). */
  inserted: ActivityDoc[];
  merged: number;
}

/**
 * Idempotent by `_id`: new activities are inserted in one unordered batch; ones already present are
 * merged (`$addToSet` connector, `$min` collectedAt), which is commutative, so order never matters.
 */
export async function writeActivities(
  collection: Collection<ActivityDoc>,
  docs: readonly ActivityDoc[],
): Promise<ActivityWriteResult> {
  const unique = new Map<string, ActivityDoc>();
  for (const doc of docs) {
    const seen = unique.get(doc._id);
    unique.set(doc._id, seen ? mergeActivity(seen, doc) : doc);
  }
  const batch = [...unique.values()];
  const duplicates = await insertReportingDuplicates(collection, batch);
  // Blind merges filtered on `_id` alone: FerretDB pushes only that filter down (~10 ms per update);
  // any extra condition, or reading first, scans the whole collection per statement or per batch.
  const existing = batch.filter((_, index) => duplicates.has(index));
  if (existing.length > 0) {
    const merges = existing.map((doc): AnyBulkWriteOperation<ActivityDoc> => ({
      updateOne: {
        filter: { _id: doc._id },
        update: { $addToSet: { connectorIds: { $each: doc.connectorIds } }, $min: { collectedAt: doc.collectedAt } },
      },
    }));
    // No upserts, so no duplicate-key stops on FerretDB; replaying the merge is harmless.
    await bulkWriteInChunks(collection, merges);
  }
  return { inserted: batch.filter((_, index) => !duplicates.has(index)), merged: existing.length };
}

/** FerretDB has no TTL indexes, so retention is a periodic delete. */
export async function deleteActivitiesBefore(collection: Collection<ActivityDoc>, cutoff: Date): Promise<number> {
  const result = await collection.deleteMany({ occurredAt: { $lt: cutoff } });
  return result.deletedCount;
}

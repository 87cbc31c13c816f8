import type { AnyBulkWriteOperation, Collection } from '@zc/mongo';
import { latestUser, type UserDoc } from '../domain/user-view';
import { bulkWriteInChunks } from './chunked-bulk-write';
import { findByIds, insertReportingDuplicates } from './unordered-insert';

/**
 * Latest snapshot wins by rank (updated_at, observed at, event id). New users are inserted in one
 * unordered batch; for ones already present the stored rank is read (one scan per batch) and only a
 * higher rank is written. No upserts: one losing a race would stop a FerretDB batch.
 */
export async function writeUsers(collection: Collection<UserDoc>, docs: readonly UserDoc[]): Promise<void> {
  const unique = new Map<string, UserDoc>();
  for (const doc of docs) {
    const seen = unique.get(doc._id);
    unique.set(doc._id, seen ? latestUser(seen, doc) : doc);
  }
  const batch = [...unique.values()];
  const duplicates = await insertReportingDuplicates(collection, batch);
  const seenBefore = batch.filter((_, index) => duplicates.has(index));
  const stored = await findByIds(
    collection,
    seenBefore.map((doc) => doc._id),
  );
  const updates = seenBefore
    .filter((doc) => doc.rank > (stored.get(doc._id)?.rank ?? ''))
    .map((doc): AnyBulkWriteOperation<UserDoc> => {
      const { _id, ...fields } = doc;
      // Filtered on `_id` alone so FerretDB pushes it down; the rank was compared above. Two writers of
      // one user only meet during a partition handover, where the later one re-applies the same rule.
      return { updateOne: { filter: { _id }, update: { $set: fields } } };
    });
  if (updates.length > 0) await bulkWriteInChunks(collection, updates);
}

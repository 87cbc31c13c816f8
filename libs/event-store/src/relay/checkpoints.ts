import { isDuplicateKeyError, type AnyBulkWriteOperation, type Collection } from '@zc/mongo';

/** One per (checkpoint id, stream): the highest version of the stream that was published. */
export interface CheckpointDoc {
  _id: string;
  checkpointId: string;
  streamId: string;
  version: number;
  fence: number;
  updatedAt: Date;
}

const keyOf = (checkpointId: string, streamId: string) => `${checkpointId}::${streamId}`;

export async function loadCheckpoints(
  collection: Collection<CheckpointDoc>,
  checkpointId: string,
): Promise<Map<string, number>> {
  const docs = await collection.find({ checkpointId }).toArray();
  return new Map(docs.map((doc) => [doc.streamId, doc.version]));
}

/**
 * Writes the streams that moved, fenced: each write matches only a document last written with a token
 * no newer than ours. A newer holder's document makes the upsert collide on `_id` (E11000), which is
 * how a deposed relay learns it lost the lease. One document per stream keeps a batch's write
 * proportional to the streams it touched. Returns false when fenced out.
 */
export async function saveCheckpoints(
  collection: Collection<CheckpointDoc>,
  checkpointId: string,
  fence: number,
  versions: ReadonlyMap<string, number>,
  now: Date,
): Promise<boolean> {
  if (versions.size === 0) return true;
  const operations = [...versions].map(([streamId, version]): AnyBulkWriteOperation<CheckpointDoc> => ({
    updateOne: {
      filter: { _id: keyOf(checkpointId, streamId), fence: { $lte: fence } },
      update: { $set: { checkpointId, streamId, version, fence, updatedAt: now } },
      upsert: true,
    },
  }));
  try {
    // Ordered, because FerretDB stops update batches at the first error anyway (see @zc/mongo).
    await collection.bulkWrite(operations, { ordered: true });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

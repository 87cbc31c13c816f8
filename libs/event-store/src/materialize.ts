import { insertManyIgnoringDuplicates } from '@zc/mongo';
import { EventIdCollisionError } from './errors';
import { slotOf, type CommitDoc, type StoreCollections } from './records';

/**
 * Copies a commit's records into `events`. Idempotent and safe for anyone to run at any time: the
 * commit owns its versions, so the only possible duplicate is the very same record, written by its own
 * writer or by a helper racing with it.
 */
export async function materialize(collections: StoreCollections, commit: CommitDoc): Promise<void> {
  const { duplicates } = await insertManyIgnoringDuplicates(collections.events, commit.events);
  for (const index of duplicates) {
    const wanted = commit.events[index];
    if (!wanted) continue;
    const stored = await collections.events.findOne({ _id: wanted._id });
    if (stored?.streamId !== wanted.streamId || stored.version !== wanted.version) {
      throw new EventIdCollisionError(wanted._id);
    }
  }
}

/**
 * Only a stream's LAST commit can be unmaterialized: every append completes its predecessor before
 * committing. Records are written in order, so the last one being present means all are.
 */
export async function ensureMaterialized(collections: StoreCollections, last: CommitDoc | undefined): Promise<void> {
  const lastRecord = last?.events.at(-1);
  if (!last || !lastRecord) return;
  if (await collections.events.findOne({ _id: lastRecord._id }, { projection: { _id: 1 } })) return;
  await materialize(collections, last);
}

/**
 * The stream's commits in order, following the slot chain from version 0. Every successful append
 * inserts the slot right after the chain's end (append.ts checks that), so the chain is the stream.
 */
export async function readChain(collections: StoreCollections, streamId: string): Promise<CommitDoc[]> {
  const commits = await collections.commits.find({ streamId }).toArray();
  const bySlot = new Map(commits.map((commit) => [commit._id, commit]));
  const chain: CommitDoc[] = [];
  for (let next = bySlot.get(slotOf(streamId, 0)); next; next = bySlot.get(slotOf(streamId, next.toVersion))) {
    chain.push(next);
  }
  return chain;
}

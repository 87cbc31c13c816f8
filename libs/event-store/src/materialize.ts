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

/** Commits read one by one along the chain before the rest of a long stream is fetched in one query. */
const WALKED_COMMITS = 16;

/**
 * The stream's commits in order, following the slot chain from version 0. Every successful append
 * inserts the slot right after the chain's end (append.ts checks that), so the chain is the stream.
 *
 * The chain is walked by `_id`, the one lookup the embedded FerretDB serves from an index (any other
 * filter scans every commit of every stream: registering a connector read the whole collection
 * twice). A stream longer than WALKED_COMMITS fetches its remainder with one `{streamId, toVersion}`
 * query (indexed on MongoDB) instead of one round trip per commit.
 */
export async function readChain(collections: StoreCollections, streamId: string): Promise<CommitDoc[]> {
  const chain: CommitDoc[] = [];
  let slot = slotOf(streamId, 0);
  for (let read = 0; read < WALKED_COMMITS; read += 1) {
    const next = await collections.commits.findOne({ _id: slot });
    if (!next) return chain;
    chain.push(next);
    slot = slotOf(streamId, next.toVersion);
  }
  const after = chain.at(-1)?.toVersion ?? 0;
  const rest = await collections.commits.find({ streamId, toVersion: { $gt: after } }).toArray();
  const bySlot = new Map(rest.map((commit) => [commit._id, commit]));
  for (let next = bySlot.get(slot); next; next = bySlot.get(slotOf(streamId, next.toVersion))) {
    chain.push(next);
  }
  return chain;
}

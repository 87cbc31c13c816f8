import { isDuplicateKeyError } from '@zc/mongo';
import { EventIdCollisionError, StreamVersionConflictError } from './errors';
import type { ChainHeads } from './chain-heads';
import { materialize } from './materialize';
import type { PositionAllocator } from './positions';
import { slotOf, toStoredEvent, type CommitDoc, type EventRecord, type StoreCollections } from './records';
import type { AppendResult, ExpectedVersion, NewEvent } from './types';

/*
 * Appending without transactions, using only what is atomic on BOTH FerretDB 1.24 and MongoDB 7: a
 * single-document insert checked by a unique index. (FerretDB runs conditional updates, `$inc` and
 * findOneAndUpdate as unlocked read-modify-writes: racing compare-and-sets all "win". Measured.)
 *
 * 1. Find the stream's last commit (chain-heads.ts); its end is the current version. Check the
 *    expected version. The last commit is completed first (step 4) if its writer died.
 * 2. Take global positions (positions.ts); if the commit then loses a race they stay unused.
 * 3. COMMIT: insert ONE document holding all the records, `_id` = `<stream>|<current version>`. Only
 *    one append can ever follow a given version: a racing writer gets E11000, i.e. a conflict, having
 *    written nothing (its positions stay unused: a gap). Because the slot is always the chain's end as
 *    read in step 1, a committed append never overlaps another one.
 * 4. MATERIALIZE: copy the records into `events` (ordered, idempotent). A writer dying before that
 *    leaves a complete commit; readers and the relay read commits, and finish step 4 for it.
 *
 * Inserting events one by one and deleting them on conflict was rejected: readers (and the relay)
 * could act on events that are then deleted, and a writer dying in between leaves them for good.
 */
export async function appendToStream<E extends NewEvent>(
  collections: StoreCollections,
  heads: ChainHeads,
  positions: PositionAllocator,
  now: () => Date,
  streamId: string,
  expected: ExpectedVersion,
  events: readonly E[],
): Promise<AppendResult<E>> {
  for (;;) {
    // Independent reads in parallel: each FerretDB round trip costs milliseconds.
    const [last] = await Promise.all([heads.last(streamId), assertUnusedEventIds(collections, events)]);
    const current = last?.toVersion ?? 0;
    if (!matches(expected, current)) throw new StreamVersionConflictError(streamId, expected, current);
    if (events.length === 0) return { streamId, nextExpectedVersion: current, events: [] };
    // Only after the check: a stale writer costs reads, not a write (FerretDB serialises writes).
    const taken = await positions.allocate(events.length);
    const recordedAt = now();
    const records = events.map((event, index): EventRecord => ({
      _id: event.eventId,
      streamId,
      version: current + index + 1,
      globalPosition: taken[index] ?? Number.NaN,
      type: event.type,
      data: { ...event },
      recordedAt,
    }));
    const commit: CommitDoc = {
      _id: slotOf(streamId, current),
      streamId,
      fromVersion: current + 1,
      toVersion: current + events.length,
      firstPosition: records[0]?.globalPosition ?? Number.NaN,
      events: records,
      recordedAt,
    };
    if (current === 0) await registerStream(collections, streamId, recordedAt);
    if (!(await insertCommit(collections, commit))) {
      if (expected === 'any') continue;
      const actual = (await heads.last(streamId))?.toVersion ?? 0;
      throw new StreamVersionConflictError(streamId, expected, actual);
    }
    await materialize(collections, commit);
    heads.remember(streamId, { commit, materialized: true });
    return { streamId, nextExpectedVersion: commit.toVersion, events: records.map((r) => toStoredEvent<E>(r)) };
  }
}

function matches(expected: ExpectedVersion, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === 0;
  return expected === current;
}

async function insertCommit(collections: StoreCollections, commit: CommitDoc): Promise<boolean> {
  try {
    await collections.commits.insertOne(commit);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Before the first commit, so that the relay never misses a stream that has one. */
async function registerStream(collections: StoreCollections, streamId: string, createdAt: Date): Promise<void> {
  try {
    await collections.streams.insertOne({ _id: streamId, createdAt });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/**
 * Rejects reused event ids before anything is committed, so a collision never wedges a stream. Point
 * reads by `_id` are the one lookup FerretDB pushes down to SQLite.
 */
async function assertUnusedEventIds(collections: StoreCollections, events: readonly NewEvent[]): Promise<void> {
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.eventId)) throw new EventIdCollisionError(event.eventId);
    seen.add(event.eventId);
  }
  const found = await Promise.all(
    events.map((event) => collections.events.findOne({ _id: event.eventId }, { projection: { _id: 1 } })),
  );
  const used = found.find((doc) => doc !== null);
  if (used) throw new EventIdCollisionError(used._id);
}

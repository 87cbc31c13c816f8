import type { MongoHandle } from '@zc/mongo';
import { appendToStream } from './append';
import { ChainHeads } from './chain-heads';
import { readChain } from './materialize';
import { PositionAllocator } from './positions';
import {
  defaultCollectionNames,
  openCollections,
  slotOf,
  toStoredEvent,
  type EventStoreCollectionNames,
  type StoreCollections,
} from './records';
import type { AppendResult, ExpectedVersion, NewEvent, StoredEvent, StreamRange } from './types';

export interface EventStoreOptions {
  mongo: MongoHandle;
  collections?: Partial<EventStoreCollectionNames>;
  /** Stamps `recordedAt`; injectable for tests. */
  now?: () => Date;
}

export interface EventStore<E extends NewEvent = NewEvent> {
  /** The handle the store runs on; the outbox relay keeps its lease and checkpoints there too. */
  readonly mongo: MongoHandle;
  appendToStream(streamId: string, expected: ExpectedVersion, events: readonly E[]): Promise<AppendResult<E>>;
  /** Every committed event of the stream from `fromVersion` (default 1), ascending, without gaps. */
  readStream(streamId: string, options?: { fromVersion?: number }): Promise<StoredEvent<E>[]>;
  /**
   * Events by global position. Positions have gaps and a lower one can appear after a higher one was
   * read, so this is for diagnostics and rebuild tooling, not for gap-free consumption.
   */
  readAll(options: { afterPosition: number; limit: number }): Promise<StoredEvent<E>[]>;
  /** Ids of all streams that have (or are about to have) events. */
  streamIds(): Promise<string[]>;
  /**
   * Whether the stream has committed events past `version`: one point read by `_id` (the commit slot
   * after it), so a read model can check it is current without reading the stream.
   */
  hasEventsAfter(streamId: string, version: number): Promise<boolean>;
  /**
   * Committed events of several streams in one query, whole appends at a time, ordered by global
   * position; at most `limit` events (all when omitted). What the outbox relay follows.
   */
  readStreamRanges(ranges: readonly StreamRange[], limit?: number): Promise<StoredEvent<E>[]>;
}

export async function createEventStore<E extends NewEvent = NewEvent>(
  options: EventStoreOptions,
): Promise<EventStore<E>> {
  const collections = await openCollections(options.mongo, { ...defaultCollectionNames, ...options.collections });
  const positions = new PositionAllocator(collections);
  const heads = new ChainHeads(collections);
  const now = options.now ?? (() => new Date());
  return {
    mongo: options.mongo,
    appendToStream: (streamId, expected, events) =>
      appendToStream(collections, heads, positions, now, streamId, expected, events),
    readStream: (streamId, readOptions) => readStream<E>(collections, heads, streamId, readOptions?.fromVersion ?? 1),
    async readAll({ afterPosition, limit }) {
      const records = await collections.events
        .find({ globalPosition: { $gt: afterPosition } })
        .sort({ globalPosition: 1 })
        .limit(limit)
        .toArray();
      return records.map((record) => toStoredEvent<E>(record));
    },
    async streamIds() {
      return (await collections.streams.find({}, { projection: { _id: 1 } }).toArray()).map((doc) => doc._id);
    },
    async hasEventsAfter(streamId, version) {
      return (
        (await collections.commits.findOne({ _id: slotOf(streamId, version) }, { projection: { _id: 1 } })) !== null
      );
    },
    readStreamRanges: (ranges, limit) => readStreamRanges<E>(collections, ranges, limit),
  };
}

async function readStream<E extends NewEvent>(
  collections: StoreCollections,
  heads: ChainHeads,
  streamId: string,
  fromVersion: number,
): Promise<StoredEvent<E>[]> {
  const chain = await readChain(collections, streamId);
  const last = chain.at(-1);
  // Completing an append whose writer died keeps `events` (readAll) complete; the chain already is.
  if (last) heads.remember(streamId, { commit: last, materialized: false });
  if (last) await heads.last(streamId);
  return chain
    .flatMap((commit) => commit.events)
    .filter((record) => record.version >= fromVersion)
    .map((record) => toStoredEvent<E>(record));
}

async function readStreamRanges<E extends NewEvent>(
  collections: StoreCollections,
  ranges: readonly StreamRange[],
  limit?: number,
): Promise<StoredEvent<E>[]> {
  if (ranges.length === 0) return [];
  const bounds = new Map(ranges.map((range) => [range.streamId, range]));
  const cursor = collections.commits
    .find({
      $or: ranges.map((range) => ({
        streamId: range.streamId,
        toVersion: { $gt: range.afterVersion },
        ...(range.throughVersion === undefined ? {} : { fromVersion: { $lte: range.throughVersion } }),
      })),
    })
    // The limit counts commits; each holds at least one event, so `limit` commits cover `limit` events.
    .sort({ firstPosition: 1, _id: 1 });
  const commits = await (limit === undefined ? cursor : cursor.limit(limit)).toArray();
  const selected: StoredEvent<E>[] = [];
  for (const record of commits.flatMap((commit) => commit.events)) {
    const range = bounds.get(record.streamId);
    if (!range || record.version <= range.afterVersion) continue;
    if (range.throughVersion !== undefined && record.version > range.throughVersion) continue;
    selected.push(toStoredEvent<E>(record));
  }
  selected.sort((a, b) => a.globalPosition - b.globalPosition);
  return limit === undefined ? selected : selected.slice(0, limit);
}

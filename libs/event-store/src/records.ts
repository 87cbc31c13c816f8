import type { Collection, Document, MongoHandle } from '@zc/mongo';
import { ensureIndexes } from '@zc/mongo';
import type { NewEvent, StoredEvent } from './types';

/** One event as stored: `_id` is the event id, so writing it twice is detectable and idempotent. */
export interface EventRecord {
  _id: string;
  streamId: string;
  version: number;
  globalPosition: number;
  type: string;
  data: Document;
  recordedAt: Date;
}

/**
 * One successful append, written by a single insert: the unit of atomicity (see append.ts).
 * `_id` is the slot `<streamId>|<version it follows>`, so only one append can follow a version.
 */
export interface CommitDoc {
  _id: string;
  streamId: string;
  fromVersion: number;
  toVersion: number;
  /** Position of the first record: the order the relay reads commits in. */
  firstPosition: number;
  events: EventRecord[];
  recordedAt: Date;
}

/** One per stream, inserted before its first commit, so the relay can list streams cheaply. */
export interface StreamDoc {
  _id: string;
  createdAt: Date;
}

/** A global position taken by an insert; the unique `_id` is what makes it ours alone. */
export interface PositionDoc {
  _id: number;
}

export interface EventStoreCollectionNames {
  events: string;
  commits: string;
  streams: string;
  positions: string;
}

export const defaultCollectionNames: EventStoreCollectionNames = {
  events: 'events',
  commits: 'event_commits',
  streams: 'event_streams',
  positions: 'event_positions',
};

export interface StoreCollections {
  events: Collection<EventRecord>;
  commits: Collection<CommitDoc>;
  streams: Collection<StreamDoc>;
  positions: Collection<PositionDoc>;
}

export const slotOf = (streamId: string, afterVersion: number) => `${streamId}|${String(afterVersion)}`;

export async function openCollections(mongo: MongoHandle, names: EventStoreCollectionNames): Promise<StoreCollections> {
  const collections = {
    events: mongo.collection<EventRecord>(names.events),
    commits: mongo.collection<CommitDoc>(names.commits),
    streams: mongo.collection<StreamDoc>(names.streams),
    positions: mongo.collection<PositionDoc>(names.positions),
  };
  await ensureIndexes(collections.events, [
    // The backstop for "one event per stream version": even a bug elsewhere cannot store two.
    { key: { streamId: 1, version: 1 }, name: 'stream_version_unique', unique: true },
    { key: { globalPosition: 1 }, name: 'global_position' },
  ]);
  await ensureIndexes(collections.commits, [
    { key: { streamId: 1, toVersion: 1 }, name: 'stream_to_version' },
    { key: { firstPosition: 1 }, name: 'first_position' },
  ]);
  return collections;
}

export function toStoredEvent<E extends NewEvent>(record: EventRecord): StoredEvent<E> {
  return {
    eventId: record._id,
    streamId: record.streamId,
    version: record.version,
    globalPosition: record.globalPosition,
    type: record.type,
    data: record.data as E,
    recordedAt: record.recordedAt,
  };
}

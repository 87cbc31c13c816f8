import { ensureIndexes, type Collection, type MongoHandle } from '@zc/mongo';
import type { ActivityDirectoryDoc } from '../domain/activity-pages';
import type { ActivityDoc } from '../domain/activity-view';
import type { UserAdminsDoc } from '../domain/user-admins';
import type { UserDoc } from '../domain/user-view';
import type { ViewName } from '../domain/view-names';
import type { HistoryDocument, StatusDocument } from '../domain/status-document';

/** `view_aliases` holds, per view, the version the API reads and the live consumer writes. */
export const ALIASES_COLLECTION = 'view_aliases';
interface AliasDoc {
  _id: ViewName;
  version: number;
  switchedAt: string;
}

export const collectionName = (base: string, version: number): string => `${base}_v${String(version)}`;

export interface StatusCollections {
  status: Collection<StatusDocument>;
  history: Collection<HistoryDocument>;
}

export function statusCollections(mongo: MongoHandle, version: number): StatusCollections {
  return {
    status: mongo.collection<StatusDocument>(collectionName('connector_status', version)),
    history: mongo.collection<HistoryDocument>(collectionName('status_history', version)),
  };
}

export const activityCollection = (mongo: MongoHandle, version: number) =>
  mongo.collection<ActivityDoc>(collectionName('activities', version));

/**
 * Pages and day facets are stored with their lists as one JSON string. FerretDB 1.24 converts a document value by
 * value between its SQLite JSON and BSON, about 0.7 ms per KB of nested arrays and objects: a page of 100
 * activities took 25 ms to read, the same bytes as one string 5 ms, a day's facets 80 ms against 10 ms. The store
 * never looks inside these lists (every read is by `_id`), so nothing is lost on MongoDB either.
 */
export interface StoredPage {
  _id: string;
  connectorId: string;
  start: Date;
  count: number;
  items: string;
}

export interface StoredDay {
  _id: string;
  connectorId: string;
  day: string;
  buckets: string;
}

/** The activities view: the activity documents (with the raw record) and the pages the queries read. */
export interface ActivityCollections {
  activities: Collection<ActivityDoc>;
  pages: Collection<StoredPage>;
  days: Collection<StoredDay>;
  directory: Collection<ActivityDirectoryDoc>;
}

const ACTIVITY_PARTS = {
  pages: 'activity_pages',
  days: 'activity_days',
  directory: 'activity_directory',
} as const;

export const activityCollections = (mongo: MongoHandle, version: number): ActivityCollections => ({
  activities: activityCollection(mongo, version),
  pages: mongo.collection<StoredPage>(collectionName(ACTIVITY_PARTS.pages, version)),
  days: mongo.collection<StoredDay>(collectionName(ACTIVITY_PARTS.days, version)),
  directory: mongo.collection<ActivityDirectoryDoc>(collectionName(ACTIVITY_PARTS.directory, version)),
});

export const userCollection = (mongo: MongoHandle, version: number) =>
  mongo.collection<UserDoc>(collectionName('users', version));

/** A connector's user ids (domain/user-directory.ts), stored as one JSON string for the reason StoredPage says. */
export interface StoredUserDirectory {
  _id: string;
  ids: string;
}

/** The users view: the latest snapshot of each user, each connector's admin ids and its user ids. */
export interface UserCollections {
  users: Collection<UserDoc>;
  admins: Collection<UserAdminsDoc>;
  directory: Collection<StoredUserDirectory>;
}

const USER_PARTS = { admins: 'user_admins', directory: 'user_directory' } as const;

export const userCollections = (mongo: MongoHandle, version: number): UserCollections => ({
  users: userCollection(mongo, version),
  admins: mongo.collection<UserAdminsDoc>(collectionName(USER_PARTS.admins, version)),
  directory: mongo.collection<StoredUserDirectory>(collectionName(USER_PARTS.directory, version)),
});

/**
 * Secondary indexes. The activity queries read pages by `_id` only (served by `_id_` everywhere); the activity
 * documents keep one index for retention's range delete on MongoDB.
 */
export async function ensureViewIndexes(mongo: MongoHandle, view: ViewName, version: number): Promise<void> {
  switch (view) {
    case 'status':
      await ensureIndexes(statusCollections(mongo, version).history, [
        { key: { connectorId: 1, at: -1, _id: -1 }, name: 'connector_at' },
      ]);
      return;
    case 'activities':
      await ensureIndexes(activityCollection(mongo, version), [{ key: { occurredAt: -1, _id: -1 }, name: 'occurred' }]);
      return;
    case 'users':
      await ensureIndexes(userCollection(mongo, version), [{ key: { connectorId: 1, _id: -1 }, name: 'connector_id' }]);
      return;
  }
}

export async function dropViewVersion(mongo: MongoHandle, view: ViewName, version: number): Promise<void> {
  const names =
    view === 'status'
      ? [collectionName('connector_status', version), collectionName('status_history', version)]
      : view === 'activities'
        ? [collectionName(view, version), ...Object.values(ACTIVITY_PARTS).map((base) => collectionName(base, version))]
        : [collectionName(view, version), ...Object.values(USER_PARTS).map((base) => collectionName(base, version))];
  const existing = new Set((await mongo.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const name of names) if (existing.has(name)) await mongo.db.dropCollection(name);
}

/** Reads the alias on each call (an `{_id}` lookup, pushed down on FerretDB) so a switch takes effect at once. */
export function viewAliases(mongo: MongoHandle) {
  const aliases = mongo.collection<AliasDoc>(ALIASES_COLLECTION);
  return {
    async version(view: ViewName): Promise<number> {
      return (await aliases.findOne({ _id: view }))?.version ?? 1;
    },
    async switchTo(view: ViewName, version: number, now: Date): Promise<void> {
      await aliases.replaceOne({ _id: view }, { version, switchedAt: now.toISOString() }, { upsert: true });
    },
  };
}
export type ViewAliases = ReturnType<typeof viewAliases>;

import { keysetPage, type Filter, type MongoHandle } from '@zc/mongo';
import type { ActivityDoc } from '../domain/activity-view';
import type { UserDoc } from '../domain/user-view';
import type { HistoryDocument, StatusDocument } from './status-store';
import { activityCollection, statusCollections, userCollection, type ViewAliases } from './view-collections';

export interface ActivityFilters {
  connector?: string;
  actorId?: number;
  actorType?: 'user' | 'system';
  action?: string;
  sourceType?: string;
  ip?: string;
  from?: Date;
  to?: Date;
}

export interface Page<T> {
  items: T[];
  next: { value: unknown; id: string } | null;
}

function activityFilter(filters: ActivityFilters): Filter<ActivityDoc> {
  const filter: Record<string, unknown> = {};
  if (filters.connector !== undefined) filter['connectorIds'] = filters.connector;
  if (filters.actorId !== undefined) filter['actor.id'] = filters.actorId;
  if (filters.actorType !== undefined) filter['actor.type'] = filters.actorType;
  if (filters.action !== undefined) filter['action'] = filters.action;
  if (filters.sourceType !== undefined) filter['source.type'] = filters.sourceType;
  if (filters.ip !== undefined) filter['ipAddress'] = filters.ip;
  const range: Record<string, Date> = {};
  if (filters.from !== undefined) range['$gte'] = filters.from;
  if (filters.to !== undefined) range['$lt'] = filters.to;
  if (Object.keys(range).length > 0) filter['occurredAt'] = range;
  return filter;
}

const asPage = <T extends { _id: string }>(page: { items: T[]; next?: { value: unknown; id: unknown } }): Page<T> => ({
  items: page.items,
  next: page.next === undefined ? null : { value: page.next.value, id: String(page.next.id) },
});

/** Reads through the aliases, so a rebuild's switch is seen by the next request. */
export function viewQueries(mongo: MongoHandle, aliases: ViewAliases) {
  const status = async () => statusCollections(mongo, await aliases.version('status'));
  return {
    async connectors(limit: number, after: string | undefined): Promise<Page<StatusDocument>> {
      const { status: collection } = await status();
      const filter = (after === undefined ? {} : { _id: { $gt: after } }) as Filter<StatusDocument>;
      const rows = await collection
        .find(filter)
        .sort({ _id: 1 })
        .limit(limit + 1)
        .toArray();
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return { items, next: rows.length > limit && last ? { value: last._id, id: last._id } : null };
    },
    async connector(connectorId: string): Promise<StatusDocument | null> {
      const doc = await (await status()).status.findOne({ _id: connectorId });
      // A document holding only an activity summary means no connector event arrived yet.
      return doc?.connector === undefined ? null : doc;
    },
    async history(connectorId: string, limit: number, after?: { value: unknown; id: string }) {
      const { history } = await status();
      return asPage<HistoryDocument>(
        await keysetPage(history, {
          field: 'at',
          limit,
          filter: { connectorId },
          ...(after === undefined ? {} : { after }),
        }),
      );
    },
    async activities(filters: ActivityFilters, limit: number, after?: { value: Date; id: string }) {
      const collection = activityCollection(mongo, await aliases.version('activities'));
      return asPage<ActivityDoc>(
        await keysetPage(collection, {
          field: 'occurredAt',
          limit,
          filter: activityFilter(filters),
          ...(after === undefined ? {} : { after }),
        }),
      );
    },
    async activity(activityId: string): Promise<ActivityDoc | null> {
      return activityCollection(mongo, await aliases.version('activities')).findOne({ _id: activityId });
    },
    async users(connector: string | undefined, limit: number, after?: string) {
      const collection = userCollection(mongo, await aliases.version('users'));
      return asPage<UserDoc>(
        await keysetPage(collection, {
          field: '_id',
          limit,
          ...(connector === undefined ? {} : { filter: { connectorId: connector } }),
          ...(after === undefined ? {} : { after: { value: after, id: after } }),
        }),
      );
    },
  };
}
export type ViewQueries = ReturnType<typeof viewQueries>;

import { keysetPage, type Filter, type MongoHandle } from '@zc/mongo';
import type { ActivityPage, ActivityQuery, Page } from '../domain/activity-query';
import type { Window } from '../domain/activity-pages';
import type { ActivityDoc } from '../domain/activity-view';
import { connectorActivities, firstPage, mergedActivities } from './activity-search';
import type { UserDoc } from '../domain/user-view';
import type { HistoryDocument, StatusDocument } from '../domain/status-document';
import { NO_FACTS, type ConnectorFact, type ConnectorFacts } from '../domain/activity-filter';
import { userPageIds } from '../domain/user-directory';
import { findByIds } from './find-by-ids';
import { readUserDirectory } from './user-store';
import { activityCollections, statusCollections, userCollections, type ViewAliases } from './view-collections';

const asPage = <T extends { _id: string }>(page: { items: T[]; next?: { value: unknown; id: unknown } }): Page<T> => ({
  items: page.items,
  next: page.next === undefined ? null : { value: page.next.value, id: String(page.next.id) },
});

/** Reads through the aliases, so a rebuild's switch is seen by the next request. */
export function viewQueries(mongo: MongoHandle, aliases: ViewAliases) {
  const status = async () => statusCollections(mongo, await aliases.version('status'));
  const activityStream = async (query: ActivityQuery) => {
    const collections = activityCollections(mongo, await aliases.version('activities'));
    const { filters } = query;
    const window: Window = {
      ...(filters.from === undefined ? {} : { from: filters.from }),
      ...(filters.to === undefined ? {} : { to: filters.to }),
      ...(query.after === undefined ? {} : { after: query.after }),
    };
    // Without a connector filter, every connector that has activities (a small collection: one per connector).
    const connectors =
      filters.connector === undefined
        ? (await collections.directory.find({}, { projection: { _id: 1 } }).toArray()).map((doc) => doc._id)
        : [filters.connector];
    const factsOf = async (connectorId: string, needs: ReadonlySet<ConnectorFact>, maxTimeMS: number) => {
      if (!needs.has('adminIds')) return NO_FACTS;
      const { admins } = userCollections(mongo, await aliases.version('users'));
      const doc = await admins.findOne({ _id: connectorId }, { maxTimeMS });
      return { ...NO_FACTS, adminIds: new Set(doc?.adminIds ?? []) } satisfies ConnectorFacts;
    };
    const context = { collections, factsOf, deadline: query.deadline, limitMs: query.limitMs };
    return mergedActivities(connectors.map((id) => connectorActivities(context, id, filters, window)));
  };
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
    /** A page of activities, newest first (see domain/activity-pages.ts for how the view is laid out). */
    async activities(query: ActivityQuery, limit: number): Promise<ActivityPage> {
      return firstPage(await activityStream(query), limit);
    },
    /** Every matching activity, newest first, read as the consumer pulls (the NDJSON export). */
    activityStream,
    async activity(activityId: string): Promise<ActivityDoc | null> {
      const { activities } = activityCollections(mongo, await aliases.version('activities'));
      return activities.findOne({ _id: activityId });
    },
    /** Users in `_id` descending order, from the connectors' user directories, then each user by `_id`. */
    async users(connector: string | undefined, limit: number, after?: string): Promise<Page<UserDoc>> {
      const collections = userCollections(mongo, await aliases.version('users'));
      // Without a connector filter, every connector's directory (a small collection: one per connector).
      const connectors =
        connector === undefined
          ? (await collections.directory.find({}, { projection: { _id: 1 } }).toArray()).map((doc) => doc._id)
          : [connector];
      const directories = await Promise.all(connectors.map((id) => readUserDirectory(collections, id)));
      const page = userPageIds(directories, limit, after);
      const found = await findByIds(collections.users, page.ids);
      const items = page.ids.flatMap((id) => found.get(id) ?? []);
      const last = items.at(-1);
      return { items, next: page.more && last ? { value: last._id, id: last._id } : null };
    },
  };
}
export type ViewQueries = ReturnType<typeof viewQueries>;

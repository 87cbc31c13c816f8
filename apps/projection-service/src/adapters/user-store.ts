import { insertManyReportingDuplicates, type AnyBulkWriteOperation } from '@zc/mongo';
import { withAdmins } from '../domain/user-admins';
import { withUserIds } from '../domain/user-directory';
import { latestUser, type UserDoc } from '../domain/user-view';
import { bulkWriteInChunks } from './chunked-bulk-write';
import { findByIds } from './find-by-ids';
import type { UserCollections } from './view-collections';

/**
 * Latest snapshot wins by rank (updated_at, observed at, event id). New users are inserted in one
 * unordered batch; for ones already present the stored rank is read (by `_id`) and only a higher rank
 * is written. No upserts: one losing a race would stop a FerretDB batch. Then each connector's admin
 * ids follow the winning snapshots (see writeAdmins).
 */
export async function writeUsers(collections: UserCollections, docs: readonly UserDoc[]): Promise<void> {
  const { users } = collections;
  const unique = new Map<string, UserDoc>();
  for (const doc of docs) {
    const seen = unique.get(doc._id);
    unique.set(doc._id, seen ? latestUser(seen, doc) : doc);
  }
  const batch = [...unique.values()];
  const duplicates = await insertManyReportingDuplicates(users, batch);
  const seenBefore = batch.filter((_, index) => duplicates.has(index));
  const stored = await findByIds(
    users,
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
  if (updates.length > 0) await bulkWriteInChunks(users, updates);
  const winners = batch.map((doc) => {
    const before = stored.get(doc._id);
    return before === undefined ? doc : latestUser(before, doc);
  });
  await writeConnectorParts(collections, winners);
}

/**
 * Each connector's admin ids and user ids from the winning snapshots of the batch, whether or not this run wrote
 * them: a redelivery after a crash between the writes finds the users stored and completes both. One document of
 * each per connector, read and replaced by `_id`; a connector's users come through one partition.
 */
async function writeConnectorParts(collections: UserCollections, winners: readonly UserDoc[]): Promise<void> {
  const byConnector = new Map<string, UserDoc[]>();
  for (const user of winners) byConnector.set(user.connectorId, [...(byConnector.get(user.connectorId) ?? []), user]);
  for (const [connectorId, latest] of byConnector) {
    const admins = await collections.admins.findOne({ _id: connectorId });
    const adminIds = withAdmins(admins?.adminIds ?? [], latest);
    if (adminIds !== null || admins === null) {
      await collections.admins.replaceOne({ _id: connectorId }, { adminIds: adminIds ?? [] }, { upsert: true });
    }
    const stored = await readUserDirectory(collections, connectorId);
    const ids = withUserIds(
      stored,
      latest.map((user) => user._id),
    );
    if (ids !== null) {
      await collections.directory.replaceOne({ _id: connectorId }, { ids: JSON.stringify(ids) }, { upsert: true });
    }
  }
}

/** A connector's user ids in list order (empty when it has none yet). */
export async function readUserDirectory(
  collections: UserCollections,
  connectorId: string,
  options: { maxTimeMS?: number } = {},
): Promise<string[]> {
  const stored = await collections.directory.findOne({ _id: connectorId }, options);
  return stored === null ? [] : (JSON.parse(stored.ids) as string[]);
}

/**
 * A users view written before the admin ids and user directories existed gets them once, from one scan, when the
 * service starts (before its consumer does); afterwards the projection keeps them.
 */
export async function ensureUserParts(collections: UserCollections): Promise<void> {
  if ((await collections.directory.findOne({})) !== null) return;
  const users = await collections.users.find().toArray();
  if (users.length > 0) await writeConnectorParts(collections, users);
}

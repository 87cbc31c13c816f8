import { API_KEYS_COLLECTION } from '@zc/api-keys';
import { insertManyIgnoringDuplicates, type Db } from '@zc/mongo';

/**
 * Stacks from before KEYS_MONGO_DB kept `api_keys` in the auth database, beside the event store.
 * Moves them (legacy scrypt hashes included; they become digests on first use) and drops the old
 * collection, so no copy of them stays where the projection used to read. Safe on every start.
 */
export async function moveLegacyApiKeys(authDb: Db, keysDb: Db): Promise<number> {
  if (authDb.databaseName === keysDb.databaseName) return 0;
  const legacy = authDb.collection<{ _id: string }>(API_KEYS_COLLECTION);
  const docs = await legacy.find({}).toArray();
  if (docs.length === 0) return 0;
  // A key already in the keys database wins: it may have been revoked or rotated there since.
  const { inserted } = await insertManyIgnoringDuplicates(
    keysDb.collection<{ _id: string }>(API_KEYS_COLLECTION),
    docs,
  );
  await legacy.drop();
  return inserted;
}

import { MongoServerError, type Collection, type Document, type IndexDescriptionInfo } from 'mongodb';
import { IndexConflictError } from './errors';

export interface IndexSpec {
  key: Record<string, 1 | -1>;
  name: string;
  unique?: boolean;
}

const NAMESPACE_NOT_FOUND = 26;

/**
 * Creates the indexes that are missing; safe to call on every start. Only options both FerretDB 1.24
 * and MongoDB 7 honour are allowed (no TTL, partial, collation). An index of the same name with a
 * different key or uniqueness is never dropped silently: that needs a deliberate migration.
 */
export async function ensureIndexes<TSchema extends Document>(
  collection: Collection<TSchema>,
  specs: readonly IndexSpec[],
): Promise<void> {
  const existing = await listIndexes(collection);
  const missing = specs.filter((spec) => {
    const found = existing.find((index) => index.name === spec.name);
    if (!found) return true;
    const sameKey = JSON.stringify(found.key) === JSON.stringify(spec.key);
    const sameUnique = Boolean(found.unique) === Boolean(spec.unique);
    if (!sameKey || !sameUnique) throw new IndexConflictError(collection.collectionName, spec.name);
    return false;
  });
  if (missing.length === 0) return;
  await collection.createIndexes(
    missing.map((spec) => ({
      key: spec.key,
      name: spec.name,
      ...(spec.unique ? { unique: true } : {}),
    })),
  );
}

async function listIndexes<TSchema extends Document>(collection: Collection<TSchema>): Promise<IndexDescriptionInfo[]> {
  try {
    return await collection.indexes();
  } catch (error) {
    if (error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND) return [];
    throw error;
  }
}

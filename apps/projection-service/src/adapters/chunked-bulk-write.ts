import type { AnyBulkWriteOperation, Collection, Document } from '@zc/mongo';

/**
 * FerretDB 1.24 (SQLite) hangs on one `update` command of 100 or more statements (measured: 99 take
 * 0.3 s, 100 never return; its SQLite pool holds 100 connections). So updates go in chunks well below.
 */
export const UPDATE_CHUNK = 50;

export async function bulkWriteInChunks<T extends Document>(
  collection: Collection<T>,
  operations: readonly AnyBulkWriteOperation<T>[],
): Promise<void> {
  for (let start = 0; start < operations.length; start += UPDATE_CHUNK) {
    await collection.bulkWrite(operations.slice(start, start + UPDATE_CHUNK), { ordered: true });
  }
}

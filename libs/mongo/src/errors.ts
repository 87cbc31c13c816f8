import { MongoBulkWriteError, MongoServerError, type WriteError } from 'mongodb';

const DUPLICATE_KEY = 11000;

/** True for a unique-index violation, whether from a single write or inside a bulk write. */
export function isDuplicateKeyError(error: unknown): boolean {
  if (error instanceof MongoBulkWriteError) {
    return writeErrorsOf(error).some((writeError) => writeError.code === DUPLICATE_KEY);
  }
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/** A failed ordered bulk write: where it stopped and why, so callers can resume or report. */
export interface BulkStop {
  /**
   * Index (in the batch given) of the operation that failed; every earlier one was applied. Reliable
   * for inserts on both servers; FerretDB 1.24 reports 0 for any failed update.
   */
  index: number;
  code: number;
  duplicateKey: boolean;
}

/** Where an ordered bulk write stopped, or undefined when the error is not a write error. */
export function bulkStopOf(error: unknown): BulkStop | undefined {
  if (!(error instanceof MongoBulkWriteError)) return undefined;
  const first = writeErrorsOf(error).reduce<{ index: number; code: number } | undefined>(
    (lowest, writeError) => (lowest && lowest.index <= writeError.index ? lowest : writeError),
    undefined,
  );
  if (!first) return undefined;
  return { index: first.index, code: first.code, duplicateKey: first.code === DUPLICATE_KEY };
}

/**
 * The indexes (in the batch given) of the documents a bulk write refused as duplicate keys, when that is its only
 * failure; undefined for any other error, or a bulk error with another cause among its write errors.
 */
export function duplicateKeyIndexesOf(error: unknown): number[] | undefined {
  if (!(error instanceof MongoBulkWriteError)) return undefined;
  const writeErrors = writeErrorsOf(error);
  if (writeErrors.length === 0 || writeErrors.some((writeError) => writeError.code !== DUPLICATE_KEY)) return undefined;
  return writeErrors.map((writeError) => writeError.index);
}

function writeErrorsOf(error: MongoBulkWriteError): { index: number; code: number }[] {
  const errors = ([] as WriteError[]).concat(error.writeErrors);
  return errors.map((writeError) => ({ index: writeError.index, code: writeError.code }));
}

/** Raised when an existing index has the same name as a wanted one but a different definition. */
export class IndexConflictError extends Error {
  readonly code = 'MONGO_INDEX_CONFLICT';
  constructor(
    readonly collection: string,
    readonly indexName: string,
  ) {
    super(`Index ${indexName} on ${collection} exists with a different definition; drop it by migration`);
    this.name = 'IndexConflictError';
  }
}

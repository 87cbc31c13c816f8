export { connectMongo, pingMongo, type MongoConnectOptions, type MongoHandle } from './connect';
export { isDuplicateKeyError, bulkStopOf, IndexConflictError, type BulkStop } from './errors';
export { ensureIndexes, type IndexSpec } from './indexes';
export {
  insertManyIgnoringDuplicates,
  insertManyReportingDuplicates,
  type InsertIgnoringDuplicatesResult,
} from './insert-ignoring-duplicates';
export { keysetPage, type KeysetCursor, type KeysetPage, type KeysetPageOptions } from './keyset-page';
// Apps type their collections with these; they never import the driver themselves.
export type {
  AnyBulkWriteOperation,
  Collection,
  Db,
  Document,
  Filter,
  OptionalUnlessRequiredId,
  Sort,
  UpdateFilter,
  WithId,
} from 'mongodb';
export { TermLeases, type HeldTerm, type TermDoc, type TermLeaseOptions } from './term-lease';

export {
  type BucketStateStore,
  type BucketStateStoreOptions,
  createBucketStateStore,
  type PruneOptions,
  RETENTION_ROWS,
  type RowScope,
} from './bucket-store.js';
export { type BucketTableSchema, bucketTableDdl } from './bucket-tables.js';
export { openStateDatabase, type StateDatabase, type StateDatabaseOptions } from './database.js';
export { DEPRECATED_TABLES, METADATA_DDL } from './metadata.js';
export { StateDatabaseError, StateTableCreateError } from './sqlite-errors.js';

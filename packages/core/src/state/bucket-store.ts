import { errorText } from '../errors/errors.js';
import type { Logger } from '../log/logger.js';
import { type BucketTableSchema, bucketTableDdl, GROUP_COLUMNS, quoteIdentifier } from './bucket-tables.js';
import type { StateDatabase } from './database.js';
import { isSqliteError } from './sqlite-errors.js';

/** Which rows a call is about (buckets.md §1.10); custom tables ignore `region` and `flowLogId`. */
export interface RowScope {
  bucketPath: string;
  accountId: string;
  region?: string;
  flowLogId?: string;
}

export interface PruneOptions {
  /** Only rows whose key starts with this (exact, case-sensitive): per-region groups in custom tables (B12). */
  keyPrefix?: string;
  /** Rows with `log_key >= keepFrom` are never deleted: the next run lists from there (B13, B14). */
  keepFrom?: string;
}

/** Processed-file bookkeeping for one bucket table. */
export interface BucketStateStore {
  readonly table: string;
  readonly schema: BucketTableSchema;
  /** Creates the table when missing (core.md §8.4: exit 5 / 6). */
  ensureTable(): void;
  isProcessed(scope: RowScope, key: string): boolean;
  /** Greatest `log_key` of the group starting with `keyPrefix` (exact prefix, decision B40). */
  lastKey(scope: RowScope, keyPrefix: string): string | undefined;
  /**
   * Inserts the row and commits it at once (decision B1). A failure (e.g. the row exists) is
   * swallowed with `debug(2, '+++ Error marking log {key} as completed: {e}')`.
   */
  markProcessed(scope: RowScope, key: string, createdDate: number): void;
  /**
   * DB maintenance (buckets.md §1.15, decisions B12–B14): logs `debug(1, '+++ DB Maintenance')`, then
   * keeps the 500 greatest keys of the group and every key `>= keepFrom`. Failures are logged, not thrown.
   */
  prune(scope: RowScope, options?: PruneOptions): void;
}

export interface BucketStateStoreOptions {
  table: string;
  schema: BucketTableSchema;
  /** @default the database's logger */
  logger?: Logger;
}

/** Rows kept per retention group (buckets.md §1.15). */
export const RETENTION_ROWS = 500;

/** Creates the state store of one bucket table; statements are prepared once, on first use. */
export function createBucketStateStore(
  db: StateDatabase,
  options: BucketStateStoreOptions,
): BucketStateStore {
  const { schema } = options;
  const table = quoteIdentifier(options.table);
  const logger = options.logger ?? db.logger;
  const group = GROUP_COLUMNS[schema];
  const where = group.map((c) => `${c} = ?`).join(' AND ');
  // Exact prefix: `>=` lets SQLite use the primary-key index, `substr` makes the match exact.
  const prefixed = 'log_key >= ? AND substr(log_key, 1, length(?)) = ?';
  const sql = {
    processed: `SELECT 1 FROM ${table} WHERE ${where} AND log_key = ? LIMIT 1`,
    lastKey: `SELECT log_key FROM ${table} WHERE ${where} AND ${prefixed} ORDER BY log_key DESC LIMIT 1`,
    insert: `INSERT INTO ${table} (${group.join(', ')}, log_key, processed_date, created_date) VALUES (${group.map(() => '?').join(', ')}, ?, DATETIME('now'), ?)`,
  };
  const values = (scope: RowScope): string[] => {
    const out = [scope.bucketPath, scope.accountId];
    if (schema !== 'custom') out.push(required(scope.region, 'region'));
    if (schema === 'vpcflow') out.push(required(scope.flowLogId, 'flowLogId'));
    return out;
  };
  return {
    table,
    schema,
    ensureTable: () => db.ensureTable(table, bucketTableDdl(table, schema)),
    isProcessed: (scope, key) => db.get(sql.processed, ...values(scope), key) !== undefined,
    lastKey(scope, keyPrefix) {
      const row = db.get<{ log_key: string }>(sql.lastKey, ...values(scope), keyPrefix, keyPrefix, keyPrefix);
      return row?.log_key;
    },
    markProcessed(scope, key, createdDate) {
      try {
        db.run(sql.insert, ...values(scope), key, createdDate);
      } catch (error) {
        if (!isSqliteError(error)) throw error;
        logger.debug(2, `+++ Error marking log ${key} as completed: ${errorText(error)}`);
      }
    },
    prune(scope, pruneOptions = {}) {
      logger.debug(1, '+++ DB Maintenance');
      try {
        pruneGroup(db, table, where, values(scope), pruneOptions);
      } catch (error) {
        if (!isSqliteError(error)) throw error;
        logger.error(
          schema === 'custom'
            ? `Failed to execute DB cleanup - Path: ${scope.bucketPath}: ${errorText(error)}`
            : `Failed to execute DB cleanup - AWS Account ID: ${scope.accountId}  Region: ${scope.region}: ${errorText(error)}`,
        );
      }
    },
  };
}

function pruneGroup(
  db: StateDatabase,
  table: string,
  where: string,
  params: string[],
  options: PruneOptions,
): void {
  let filter = where;
  const args: unknown[] = [...params];
  if (options.keyPrefix !== undefined) {
    filter += ' AND log_key >= ? AND substr(log_key, 1, length(?)) = ?';
    args.push(options.keyPrefix, options.keyPrefix, options.keyPrefix);
  }
  db.transaction(() => {
    const threshold = db.get<{ log_key: string }>(
      `SELECT log_key FROM ${table} WHERE ${filter} ORDER BY log_key DESC LIMIT 1 OFFSET ${RETENTION_ROWS}`,
      ...args,
    )?.log_key;
    if (threshold === undefined) return;
    if (options.keepFrom === undefined) {
      db.run(`DELETE FROM ${table} WHERE ${filter} AND log_key <= ?`, ...args, threshold);
    } else {
      db.run(
        `DELETE FROM ${table} WHERE ${filter} AND log_key <= ? AND log_key < ?`,
        ...args,
        threshold,
        options.keepFrom,
      );
    }
  });
}

function required(value: string | undefined, name: string): string {
  if (value === undefined) throw new TypeError(`RowScope.${name} is required for this table`);
  return value;
}

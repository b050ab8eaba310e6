import { errorText } from '../errors/errors.js';
import type { Logger } from '../log/logger.js';
import { ensurePrivateFile } from './file-mode.js';
import { restoreRollbackJournal, useWriteAheadLog } from './journal.js';
import { checkMetadata } from './metadata.js';
import { acquireRunLock, type RunLock } from './run-lock.js';
import { StateDatabaseError, StateTableCreateError, withDbError } from './sqlite-errors.js';
import { type BetterSqlite3, loadSqlite } from './sqlite-loader.js';
import { createStatementCache } from './statement-cache.js';

export interface StateDatabaseOptions {
  /** `<wazuh>/wodles/aws/<name>.db`. */
  path: string;
  /** Stored in `metadata` (`version` row). */
  wazuhVersion: string;
  logger: Logger;
  /** How long a statement waits for another connection's lock. @default 5000 (the reference's) */
  busyTimeoutMs?: number;
  /** How long to wait for another run of this program to finish. @default busyTimeoutMs */
  lockTimeoutMs?: number;
}

/** An open state database: the reference's file, used by one run at a time. */
export interface StateDatabase {
  readonly path: string;
  /** The logger the database was opened with. */
  readonly logger: Logger;
  /** The underlying better-sqlite3 connection (autocommit: each statement commits at once). */
  readonly connection: BetterSqlite3.Database;
  /** Runs a write statement (prepared once per SQL text). */
  run(sql: string, ...params: unknown[]): BetterSqlite3.RunResult;
  /** First row, or `undefined`. */
  get<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T | undefined;
  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  /** Runs `fn` in one transaction (committed when it returns, rolled back when it throws). */
  transaction<T>(fn: () => T): T;
  tableExists(name: string): boolean;
  /**
   * core.md §8.4: creates `table` with `ddl` when missing, with `debug(1, '+++ Table does not exist; create')`.
   * Listing fails → exit 5 `Unexpected error accessing SQLite DB: {e}`; creation fails → exit 6
   * `Unable to create SQLite DB: {e}`.
   */
  ensureTable(table: string, ddl: string): void;
  /** Commit, `PRAGMA optimize`, back to the rollback journal, close, release the run lock. Idempotent. */
  close(): void;
}

/**
 * Opens (creating it if needed, mode 0600) a state database, takes the run lock and runs the
 * metadata check (core.md §8.2). Every failure is a `StateDatabaseError` (exit 5) naming the path.
 *
 * While the run holds it the database is in WAL mode (cheap per-file commits, see `useWriteAheadLog`);
 * closing puts it back in the rollback mode the Python wodle and backups of the single `.db` expect.
 *
 * @example
 * const db = openStateDatabase({ path: `${wodleDir}/s3_cloudtrail.db`, wazuhVersion: 'v5.1.0', logger });
 */
export function openStateDatabase(options: StateDatabaseOptions): StateDatabase {
  const { path, wazuhVersion, logger } = options;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const lock = acquireRunLock(path, options.lockTimeoutMs ?? busyTimeoutMs);
  let connection: BetterSqlite3.Database;
  try {
    const Database = loadSqlite();
    connection = withDbError(`Error attempting to operate with the ${path} database: `, () => {
      ensurePrivateFile(path);
      return new Database(path, { timeout: busyTimeoutMs });
    });
  } catch (error) {
    lock.release();
    throw error;
  }
  try {
    checkMetadata(connection, path, wazuhVersion, logger);
    useWriteAheadLog(connection);
  } catch (error) {
    connection.close();
    lock.release();
    throw error;
  }
  return createStateDatabase(path, connection, lock, logger);
}

function createStateDatabase(
  path: string,
  connection: BetterSqlite3.Database,
  lock: RunLock,
  logger: Logger,
): StateDatabase {
  const statements = createStatementCache(connection);
  let open = true;
  const tableNames = () =>
    connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return {
    path,
    logger,
    connection,
    run: (sql, ...params) => statements.get(sql).run(...params),
    get: <T>(sql: string, ...params: unknown[]) => statements.get(sql).get(...params) as T | undefined,
    all: <T>(sql: string, ...params: unknown[]) => statements.get(sql).all(...params) as T[],
    transaction: (fn) => connection.transaction(fn)(),
    tableExists: (name) =>
      connection.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
      undefined,
    ensureTable(table, ddl) {
      const names = withDbError('Unexpected error accessing SQLite DB: ', tableNames);
      if (names.includes(table)) return;
      logger.debug(1, '+++ Table does not exist; create');
      try {
        connection.exec(ddl);
      } catch (error) {
        throw new StateTableCreateError(`Unable to create SQLite DB: ${errorText(error)}`, error);
      }
    },
    close() {
      if (!open) return;
      open = false;
      try {
        if (connection.inTransaction) connection.exec('COMMIT');
        connection.exec('PRAGMA optimize');
        restoreRollbackJournal(connection);
      } catch (error) {
        throw new StateDatabaseError(
          `Error attempting to operate with the ${path} database: ${errorText(error)}`,
          'DB_ACCESS',
          error,
        );
      } finally {
        connection.close();
        lock.release();
      }
    },
  };
}

import { errorText } from '../errors/errors.js';
import { ensurePrivateFile } from './file-mode.js';
import { isSqliteError, StateDatabaseError } from './sqlite-errors.js';
import { loadSqlite } from './sqlite-loader.js';

/** Held for a whole run; `release()` is idempotent. */
export interface RunLock {
  readonly path: string;
  release(): void;
}

/**
 * Takes the exclusive run lock `<db>.lock` (waiting up to `timeoutMs`).
 *
 * Why this design: per-commit SQLite locks cannot stop two runs interleaving the same bucket, and a
 * pid file needs stale-pid guessing (pid reuse, containers). Instead the lock file is a tiny SQLite
 * database held in `BEGIN EXCLUSIVE` for the whole run: SQLite's POSIX locks are released by the
 * kernel when the process dies (SIGKILL, crash), so a lock can never go stale, and the busy timeout
 * gives the bounded wait for free. The state DB itself keeps its normal per-commit locking, so the
 * Python wodle can still open it. The returned object must stay referenced while the run goes on
 * (a garbage-collected connection would drop the lock); `StateDatabase` holds it.
 */
export function acquireRunLock(dbPath: string, timeoutMs: number): RunLock {
  const Database = loadSqlite();
  const path = `${dbPath}.lock`;
  let connection: InstanceType<typeof Database>;
  try {
    ensurePrivateFile(path);
    connection = new Database(path, { timeout: timeoutMs });
  } catch (error) {
    throw new StateDatabaseError(
      `Error attempting to operate with the ${dbPath} database: cannot open the run lock ${path}: ${errorText(error)}`,
      'DB_ACCESS',
      error,
    );
  }
  try {
    // Nothing is ever written: no journal file needed next to the lock.
    connection.pragma('journal_mode = OFF');
    connection.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    connection.close();
    if (isSqliteError(error) && error.code.startsWith('SQLITE_BUSY')) {
      throw new StateDatabaseError(
        `The ${dbPath} database is in use by another run of the AWS integration (waited ${timeoutMs} ms for it to finish). Try again later.`,
        'DB_LOCKED',
        error,
      );
    }
    throw new StateDatabaseError(
      `Error attempting to operate with the ${dbPath} database: cannot take the run lock ${path}: ${errorText(error)}`,
      'DB_ACCESS',
      error,
    );
  }
  let held = true;
  return {
    path,
    release() {
      if (!held) return;
      held = false;
      connection.close();
    },
  };
}

import type { BetterSqlite3 } from './sqlite-loader.js';

/**
 * Per-file commits (decision B1) cost ~0.6 ms each in SQLite's rollback mode (two fsyncs and a
 * journal file per commit); in WAL mode with `synchronous = NORMAL` they cost ~20 µs. A commit is
 * still durable once it returns as far as a crash of this process goes (SIGKILL, OOM): it is in the
 * WAL file. Only an OS crash or power cut can roll back the last few commits, which re-sends those
 * files (at-least-once), never corrupts the database.
 *
 * WAL is used only while the run holds the database: closing switches the file back to the rollback
 * journal, so between runs it is the single `.db` file the Python wodle and backups expect. A `-wal`
 * left by a killed run is recovered by the next open, ours or the Python wodle's.
 */
export function useWriteAheadLog(connection: BetterSqlite3.Database): void {
  try {
    const mode = connection.pragma('journal_mode = WAL', { simple: true });
    if (mode === 'wal') connection.pragma('synchronous = NORMAL');
  } catch {
    // A filesystem without shared memory (some network mounts): stay in rollback mode.
  }
}

/** Checkpoints the WAL into the database and puts the file back in rollback-journal mode. */
export function restoreRollbackJournal(connection: BetterSqlite3.Database): void {
  if (connection.pragma('journal_mode', { simple: true }) === 'wal')
    connection.pragma('journal_mode = DELETE');
}

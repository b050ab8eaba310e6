import { errorText, WazuhAwsError } from '../errors/errors.js';
import { EXIT } from '../errors/exit-codes.js';

/** A state database could not be read, updated or locked (exit 5). */
export class StateDatabaseError extends WazuhAwsError {
  constructor(message: string, code = 'DB_ACCESS', cause?: unknown) {
    super(message, { exitCode: EXIT.DB_ACCESS, code, cause });
    this.name = 'StateDatabaseError';
  }
}

/** A state table could not be created (exit 6). */
export class StateTableCreateError extends WazuhAwsError {
  constructor(message: string, cause?: unknown) {
    super(message, { exitCode: EXIT.DB_CREATE, code: 'DB_CREATE', cause });
    this.name = 'StateTableCreateError';
  }
}

/** True for errors raised by SQLite itself (better-sqlite3's `SqliteError`). */
export function isSqliteError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return error.name === 'SqliteError' || (typeof code === 'string' && code.startsWith('SQLITE_'));
}

/** Runs `fn`, turning any failure into a `StateDatabaseError` with `prefix: cause`. */
export function withDbError<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof WazuhAwsError) throw error;
    throw new StateDatabaseError(`${prefix}${errorText(error)}`, 'DB_ACCESS', error);
  }
}

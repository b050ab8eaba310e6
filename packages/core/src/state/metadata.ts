import type { Logger } from '../log/logger.js';
import { StateDatabaseError, withDbError } from './sqlite-errors.js';
import type { BetterSqlite3 } from './sqlite-loader.js';

/** The reference's DDL, byte for byte (quoted type names give TEXT affinity). */
export const METADATA_DDL =
  "CREATE TABLE metadata (key 'text' NOT NULL, value 'text' NOT NULL, PRIMARY KEY (key, value))";

/** Tables of older wodle versions, dropped whenever present (decision C25). */
export const DEPRECATED_TABLES = ['log_progress', 'trail_progress'] as const;

/**
 * The metadata check of core.md §8.2 with decisions C23/C25: record the running Wazuh version,
 * drop deprecated tables, all in one transaction. Throws `StateDatabaseError` (exit 5).
 */
export function checkMetadata(
  db: BetterSqlite3.Database,
  dbPath: string,
  version: string,
  logger: Logger,
): void {
  const operate = `Error attempting to operate with the ${dbPath} database: `;
  const tables = withDbError(operate, () =>
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(),
  ) as string[];
  const run = () => {
    if (tables.includes('metadata')) {
      const current = withDbError(operate, () =>
        db.prepare("SELECT value FROM metadata WHERE key = 'version'").pluck().get(),
      ) as string | undefined;
      if (current === undefined) {
        throw new StateDatabaseError(`${operate}the metadata table has no 'version' row`);
      }
      if (current !== version) {
        withDbError('Error attempting to update the metadata table: ', () =>
          db.prepare("UPDATE metadata SET value = ? WHERE key = 'version'").run(version),
        );
      }
    } else {
      withDbError('Error attempting to create the metadata table: ', () => {
        db.exec(METADATA_DDL);
        db.prepare("INSERT INTO metadata (key, value) VALUES ('version', ?)").run(version);
      });
    }
    for (const table of DEPRECATED_TABLES) {
      if (!tables.includes(table)) continue;
      logger.debug(2, `Removing deprecated '${table} 'table from ${dbPath}`);
      withDbError(operate, () => db.exec(`DROP TABLE ${table}`));
    }
  };
  // IMMEDIATE: take the write lock up front so a concurrent writer makes us wait (busy timeout), not fail mid-way.
  withDbError(operate, () => db.transaction(run).immediate());
}

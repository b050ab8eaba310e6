import type { BetterSqlite3 } from './sqlite-loader.js';

/** Prepares each SQL text once per connection. */
export function createStatementCache(connection: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    get(sql: string): BetterSqlite3.Statement {
      let statement = cache.get(sql);
      if (!statement) {
        statement = connection.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

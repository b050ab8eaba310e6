import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

type DatabaseConstructor = typeof BetterSqlite3;
let cached: DatabaseConstructor | undefined;

/** Loads better-sqlite3 on first use only, so the pure entry never touches the native addon. */
export function loadSqlite(): DatabaseConstructor {
  if (!cached) {
    const require = createRequire(import.meta.url);
    cached = require('better-sqlite3') as DatabaseConstructor;
  }
  return cached;
}

export type { BetterSqlite3 };

import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { canonicalJson } from './canon.js';
import type { TableDump } from './corpus.js';
import { maskDigits, type Normalizer, type NumberKind } from './normalize.js';

interface Statement {
  raw(on: boolean): Statement;
  safeIntegers(on: boolean): Statement;
  all(): unknown[];
}
interface Database {
  prepare(sql: string): Statement;
  close(): void;
}
type DatabaseConstructor = new (
  path: string,
  options: { readonly: boolean; fileMustExist: boolean },
) => Database;

const require = createRequire(import.meta.url);
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function cell(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  return value;
}

/**
 * Every table (but SQLite's own) of every `*.db` file in `dir`, as the conformance kit dumps them:
 * columns `[name, type, notnull, pk]`, rows normalised (`processed_date` masked, clock readings
 * replaced by placeholders, paths by `{WAZUH}`…) and sorted.
 */
export function dumpDatabases(
  dir: string,
  normalizer: Normalizer,
): Record<string, Record<string, TableDump>> {
  const out: Record<string, Record<string, TableDump>> = {};
  if (!existsSync(dir)) return out;
  const Sqlite = require('better-sqlite3') as DatabaseConstructor;
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.db'))
    .sort()) {
    let db: Database | undefined;
    try {
      db = new Sqlite(join(dir, name), { readonly: true, fileMustExist: true });
      const tables: Record<string, TableDump> = {};
      const names = db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all() as Array<{ name: string }>;
      for (const { name: table } of names) tables[table] = dumpTable(db, table, normalizer);
      out[name] = tables;
    } catch (error) {
      out[name] = { '<unreadable>': { columns: [], rows: [[String(error)]] } };
    } finally {
      db?.close();
    }
  }
  return out;
}

function dumpTable(db: Database, table: string, normalizer: Normalizer): TableDump {
  const info = db.prepare(`PRAGMA table_info(${quote(table)})`).all() as Array<{
    name: string;
    type: string;
    notnull: number;
    pk: number;
  }>;
  const columns = info.map((c) => [c.name, c.type, c.notnull, c.pk] as [string, string, number, number]);
  const select = [...info.map((c) => quote(c.name)), ...info.map((c) => `typeof(${quote(c.name)})`)];
  const raw = db
    .prepare(`SELECT ${select.join(', ')} FROM ${quote(table)}`)
    .raw(true)
    .safeIntegers(true)
    .all() as unknown[][];
  const rows = raw.map((r) =>
    info.map((c, i) => {
      const value = cell(r[i]);
      if (c.name === 'processed_date' && value !== null)
        return `<processed_date:${maskDigits(String(value))}>`;
      const kind: NumberKind | undefined =
        r[i + info.length] === 'real' ? 'float' : r[i + info.length] === 'integer' ? 'int' : undefined;
      return normalizer.value(value, kind);
    }),
  );
  rows.sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
  return { columns, rows };
}

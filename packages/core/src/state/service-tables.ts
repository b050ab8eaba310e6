// The service tables of aws_services.db (services.md §1.4, §2.2), with the reference's exact DDL
// (quoted type names) so existing installs keep working. Writes are committed one unit at a time
// (decision S1): a stream row at once, an Inspector scan (initial row, scan row, retention) together.
import { WazuhAwsError } from '../errors/errors.js';
import { EXIT } from '../errors/exit-codes.js';
import type { Logger } from '../log/logger.js';
import type {
  LogStreamState,
  ScanHistoryState,
  ServiceTable,
  StreamCheckpoint,
} from '../plugin/service-types.js';

/** The part of a better-sqlite3 connection the service tables use. */
export interface SqlConnection {
  exec(sql: string): unknown;
  prepare(sql: string): SqlStatement;
  // biome-ignore lint/suspicious/noExplicitAny: better-sqlite3's transaction() is generic over any function.
  transaction<F extends (...args: any[]) => any>(fn: F): F;
}

export interface SqlStatement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/** CREATE statements of the reference. */
export const SERVICE_TABLE_DDL: Readonly<Record<ServiceTable, string>> = Object.freeze({
  cloudwatch_logs: `CREATE TABLE cloudwatch_logs (
    aws_region 'text' NOT NULL,
    aws_log_group 'text' NOT NULL,
    aws_log_stream 'text' NOT NULL,
    next_token 'text',
    start_time 'integer',
    end_time 'integer',
    PRIMARY KEY (aws_region, aws_log_group, aws_log_stream));`,
  aws_services: `CREATE TABLE aws_services (
    service_name 'text' NOT NULL,
    aws_account_id 'text' NOT NULL,
    aws_region 'text' NOT NULL,
    scan_date 'text' NOT NULL,
    PRIMARY KEY (service_name, aws_account_id, aws_region, scan_date));`,
});

/** Rows kept per (service, account, region) in `aws_services`. */
export const SCAN_RETENTION = 5;

/** Creates the service's table when missing (core.md §8.4): exit 5 / exit 6 on failure. */
export function ensureServiceTable(db: SqlConnection, table: ServiceTable, logger: Logger): void {
  let names: Set<string>;
  try {
    const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    names = new Set(rows.map((row) => row.name));
  } catch (error) {
    throw new WazuhAwsError(`Unexpected error accessing SQLite DB: ${(error as Error).message}`, {
      exitCode: EXIT.DB_ACCESS,
      code: 'DB_ACCESS',
      cause: error,
    });
  }
  if (names.has(table)) return;
  logger.debug(1, '+++ Table does not exist; create');
  try {
    db.exec(SERVICE_TABLE_DDL[table]);
  } catch (error) {
    throw new WazuhAwsError(`Unable to create SQLite DB: ${(error as Error).message}`, {
      exitCode: EXIT.DB_CREATE,
      code: 'DB_CREATE',
      cause: error,
    });
  }
}

// Older reference versions stored Python's `None` as text.
const present = <T>(value: T | null | undefined): T | undefined =>
  value === null || value === undefined || (value as unknown) === 'None' ? undefined : value;

const toNumber = (value: unknown): number | undefined => {
  const v = present(value);
  if (v === undefined) return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** `cloudwatch_logs` rows of one region. */
export function createLogStreamState(db: SqlConnection, region: string): LogStreamState {
  const select = db.prepare(
    'SELECT next_token, start_time, end_time FROM cloudwatch_logs WHERE aws_region = ? AND aws_log_group = ? AND aws_log_stream = ?',
  );
  const exists = db.prepare(
    'SELECT 1 FROM cloudwatch_logs WHERE aws_region = ? AND aws_log_group = ? AND aws_log_stream = ?',
  );
  const insert = db.prepare(
    'INSERT INTO cloudwatch_logs (aws_region, aws_log_group, aws_log_stream, next_token, start_time, end_time) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare(
    'UPDATE cloudwatch_logs SET next_token = ?, start_time = ?, end_time = ? WHERE aws_region = ? AND aws_log_group = ? AND aws_log_stream = ?',
  );
  const list = db.prepare(
    'SELECT aws_log_stream FROM cloudwatch_logs WHERE aws_region = ? AND aws_log_group = ?',
  );
  const remove = db.prepare(
    'DELETE FROM cloudwatch_logs WHERE aws_region = ? AND aws_log_group = ? AND aws_log_stream = ?',
  );
  const removeMany = db.transaction((group: string, streams: readonly string[]) => {
    for (const stream of streams) remove.run(region, group, stream);
  });
  return {
    get(group, stream) {
      const row = select.get(region, group, stream) as
        | { next_token: unknown; start_time: unknown; end_time: unknown }
        | undefined;
      if (row === undefined) return undefined;
      const token = present(row.next_token);
      return {
        token: token === undefined ? undefined : String(token),
        startTime: toNumber(row.start_time),
        endTime: toNumber(row.end_time),
      };
    },
    save(group, stream, checkpoint: StreamCheckpoint) {
      const values = [checkpoint.token ?? null, checkpoint.startTime ?? null, checkpoint.endTime ?? null];
      if (exists.get(region, group, stream) === undefined) {
        insert.run(region, group, stream, ...values);
        return 'inserted';
      }
      update.run(...values, region, group, stream);
      return 'updated';
    },
    streams(group) {
      return (list.all(region, group) as { aws_log_stream: string }[]).map((row) => row.aws_log_stream);
    },
    remove(group, streams) {
      if (streams.length > 0) removeMany(group, streams);
    },
  };
}

/** Key of a scan history: service name (always `inspector`), account and region. */
export interface ScanHistoryKey {
  service: string;
  accountId: string;
  region: string;
}

/** `aws_services` rows of one (service, account, region). */
export function createScanHistoryState(db: SqlConnection, key: ScanHistoryKey): ScanHistoryState {
  const params = [key.service, key.accountId, key.region];
  const last = db.prepare(
    'SELECT scan_date FROM aws_services WHERE service_name = ? AND aws_account_id = ? AND aws_region = ? ORDER BY scan_date DESC LIMIT 1',
  );
  const insert = db.prepare(
    'INSERT OR IGNORE INTO aws_services (service_name, aws_account_id, aws_region, scan_date) VALUES (?, ?, ?, ?)',
  );
  const retain = db.prepare(
    `DELETE FROM aws_services WHERE service_name = ? AND aws_account_id = ? AND aws_region = ? AND rowid NOT IN (
       SELECT rowid FROM aws_services WHERE service_name = ? AND aws_account_id = ? AND aws_region = ?
       ORDER BY scan_date DESC LIMIT ${SCAN_RETENTION})`,
  );
  const record = db.transaction((scanDate: string, initialDate?: string) => {
    if (initialDate !== undefined) insert.run(...params, initialDate);
    insert.run(...params, scanDate);
    retain.run(...params, ...params);
  });
  return {
    lastScan() {
      const row = last.get(...params) as { scan_date: unknown } | undefined;
      return row === undefined ? undefined : String(row.scan_date);
    },
    recordScan(scanDate, initialDate) {
      record(scanDate, initialDate);
    },
  };
}

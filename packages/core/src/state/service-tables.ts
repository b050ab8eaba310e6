// The service tables of aws_services.db (services.md §1.4, §2.2), with the reference's exact DDL
// (quoted type names) so existing installs keep working. Writes are committed one unit at a time
// (decision S1): a stream row at once, an Inspector scan (initial row, scan row, retention) together.
import type {
  LogStreamState,
  ScanHistoryState,
  ServiceTable,
  StreamCheckpoint,
} from '../plugin/service-types.js';
import type { StateDatabase } from './database.js';

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
export function ensureServiceTable(db: StateDatabase, table: ServiceTable): void {
  db.ensureTable(table, SERVICE_TABLE_DDL[table]);
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

const SELECT_STREAM =
  'SELECT next_token, start_time, end_time FROM cloudwatch_logs WHERE aws_region = ? AND aws_log_group = ? AND aws_log_stream = ?';
const INSERT_STREAM =
  'INSERT INTO cloudwatch_logs (aws_region, aws_log_group, aws_log_stream, next_token, start_time, end_time) VALUES (?, ?, ?, ?, ?, ?)';
const UPDATE_STREAM =
  'UPDATE cloudwatch_logs SET next_token = ?, start_time = ?, end_time = ? WHERE aws_region = ? AND aws_log_group = ? AND aws_log_stream = ?';
const LIST_STREAMS = 'SELECT aws_log_stream FROM cloudwatch_logs WHERE aws_region = ? AND aws_log_group = ?';
const DELETE_STREAM =
  'DELETE FROM cloudwatch_logs WHERE aws_region = ? AND aws_log_group = ? AND aws_log_stream = ?';

interface StreamRow {
  next_token: unknown;
  start_time: unknown;
  end_time: unknown;
}

/** `cloudwatch_logs` rows of one region (services.md §2.2); each call commits at once. */
export function createLogStreamState(db: StateDatabase, region: string): LogStreamState {
  return {
    get(group, stream) {
      const row = db.get<StreamRow>(SELECT_STREAM, region, group, stream);
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
      return db.transaction(() => {
        if (db.get(SELECT_STREAM, region, group, stream) === undefined) {
          db.run(INSERT_STREAM, region, group, stream, ...values);
          return 'inserted' as const;
        }
        db.run(UPDATE_STREAM, ...values, region, group, stream);
        return 'updated' as const;
      });
    },
    streams(group) {
      return db.all<{ aws_log_stream: string }>(LIST_STREAMS, region, group).map((row) => row.aws_log_stream);
    },
    remove(group, streams) {
      if (streams.length === 0) return;
      db.transaction(() => {
        for (const stream of streams) db.run(DELETE_STREAM, region, group, stream);
      });
    },
  };
}

/** Key of a scan history: service name (always `inspector`), account and region. */
export interface ScanHistoryKey {
  service: string;
  accountId: string;
  region: string;
}

const KEY = 'service_name = ? AND aws_account_id = ? AND aws_region = ?';
const LAST_SCAN = `SELECT scan_date FROM aws_services WHERE ${KEY} ORDER BY scan_date DESC LIMIT 1`;
const INSERT_SCAN =
  'INSERT OR IGNORE INTO aws_services (service_name, aws_account_id, aws_region, scan_date) VALUES (?, ?, ?, ?)';
const RETAIN_SCANS = `DELETE FROM aws_services WHERE ${KEY} AND rowid NOT IN (
  SELECT rowid FROM aws_services WHERE ${KEY} ORDER BY scan_date DESC LIMIT ${SCAN_RETENTION})`;

/** `aws_services` rows of one (service, account, region) (services.md §1.4). */
export function createScanHistoryState(db: StateDatabase, key: ScanHistoryKey): ScanHistoryState {
  const params = [key.service, key.accountId, key.region];
  return {
    lastScan() {
      const row = db.get<{ scan_date: unknown }>(LAST_SCAN, ...params);
      return row === undefined ? undefined : String(row.scan_date);
    },
    recordScan(scanDate, initialDate) {
      db.transaction(() => {
        if (initialDate !== undefined) db.run(INSERT_SCAN, ...params, initialDate);
        db.run(INSERT_SCAN, ...params, scanDate);
        db.run(RETAIN_SCANS, ...params, ...params);
      });
    },
  };
}

import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLineLogger } from '../log/logger.js';
import { openStateDatabase, type StateDatabase } from './database.js';
import { createLogStreamState, createScanHistoryState, ensureServiceTable } from './service-tables.js';

const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

let dir: string;
let path: string;
let db: StateDatabase;
let lines: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wazuh-aws-services-'));
  path = join(dir, 'aws_services.db');
  lines = [];
  db = openStateDatabase({
    path,
    wazuhVersion: 'v5.1.0',
    logger: createLineLogger({ level: 3, write: (l) => lines.push(l) }),
  });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What another process (or the next run) sees: only committed rows. */
const committed = (sql: string) => {
  const reader = new Database(path, { readonly: true });
  try {
    return reader.prepare(sql).raw().all();
  } finally {
    reader.close();
  }
};
const columns = (table: string) =>
  committed(`PRAGMA table_info(${table})`).map((c) => [
    (c as unknown[])[1],
    (c as unknown[])[2],
    (c as unknown[])[3],
    (c as unknown[])[5],
  ]);

describe('service tables', () => {
  it('creates the reference schemas once, with the debug line', () => {
    ensureServiceTable(db, 'cloudwatch_logs');
    ensureServiceTable(db, 'cloudwatch_logs');
    ensureServiceTable(db, 'aws_services');
    expect(lines.filter((l) => l.includes('Table does not exist; create'))).toHaveLength(2);
    expect(columns('cloudwatch_logs')).toEqual([
      ['aws_region', 'TEXT', 1, 1],
      ['aws_log_group', 'TEXT', 1, 2],
      ['aws_log_stream', 'TEXT', 1, 3],
      ['next_token', 'TEXT', 0, 0],
      ['start_time', 'INTEGER', 0, 0],
      ['end_time', 'INTEGER', 0, 0],
    ]);
    expect(columns('aws_services')).toEqual([
      ['service_name', 'TEXT', 1, 1],
      ['aws_account_id', 'TEXT', 1, 2],
      ['aws_region', 'TEXT', 1, 3],
      ['scan_date', 'TEXT', 1, 4],
    ]);
  });

  it('stream rows: insert then update, committed at once (S1), per region', () => {
    ensureServiceTable(db, 'cloudwatch_logs');
    const east = createLogStreamState(db, 'us-east-1');
    const west = createLogStreamState(db, 'eu-west-1');
    expect(east.save('g', 's', { token: 'f/1/s', startTime: 1, endTime: 2 })).toBe('inserted');
    expect(committed('SELECT * FROM cloudwatch_logs')).toEqual([['us-east-1', 'g', 's', 'f/1/s', 1, 2]]);
    expect(east.save('g', 's', { token: 'f/2/s', startTime: 1, endTime: 5 })).toBe('updated');
    expect(east.get('g', 's')).toEqual({ token: 'f/2/s', startTime: 1, endTime: 5 });
    expect(west.get('g', 's')).toBeUndefined();
    west.save('g', 'other', {});
    expect(west.get('g', 'other')).toEqual({ token: undefined, startTime: undefined, endTime: undefined });
    expect(east.streams('g')).toEqual(['s']);
    east.remove('g', ['s']);
    expect(committed('SELECT aws_region, aws_log_stream FROM cloudwatch_logs')).toEqual([
      ['eu-west-1', 'other'],
    ]);
  });

  it("reads the text 'None' of older rows as absent", () => {
    ensureServiceTable(db, 'cloudwatch_logs');
    db.run("INSERT INTO cloudwatch_logs VALUES ('r', 'g', 's', 'None', 'None', 7)");
    expect(createLogStreamState(db, 'r').get('g', 's')).toEqual({
      token: undefined,
      startTime: undefined,
      endTime: 7,
    });
  });

  it('scan history: last scan by text order, initial + scan rows together, 5 kept per key', () => {
    ensureServiceTable(db, 'aws_services');
    const key = { service: 'inspector', accountId: '123456789123', region: 'us-east-1' };
    const scans = createScanHistoryState(db, key);
    const other = createScanHistoryState(db, { ...key, region: 'eu-west-1' });
    expect(scans.lastScan()).toBeUndefined();
    scans.recordScan('2022-02-06 18:58:32.504472', '2022-01-26 00:00:00.0');
    other.recordScan('2021-01-01 00:00:00.000000');
    expect(scans.lastScan()).toBe('2022-02-06 18:58:32.504472');
    for (let day = 10; day < 16; day++) scans.recordScan(`2022-03-${day} 00:00:00.000000`);
    expect(
      committed(
        "SELECT scan_date FROM aws_services WHERE aws_region = 'us-east-1' ORDER BY scan_date",
      ).flat(),
    ).toEqual([
      '2022-03-11 00:00:00.000000',
      '2022-03-12 00:00:00.000000',
      '2022-03-13 00:00:00.000000',
      '2022-03-14 00:00:00.000000',
      '2022-03-15 00:00:00.000000',
    ]);
    expect(other.lastScan()).toBe('2021-01-01 00:00:00.000000');
  });
});

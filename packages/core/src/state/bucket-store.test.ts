import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLineLogger } from '../log/logger.js';
import { type BucketStateStore, createBucketStateStore, type RowScope } from './bucket-store.js';
import { openStateDatabase, type StateDatabase } from './database.js';

const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

// Columns as [name, declared type, notnull, pk] from the corpus db.json files (cloudtrail-second-run,
// vpcflow-first-run, alb-first-run).
const CORPUS_COLUMNS = {
  awslogs: [
    ['bucket_path', 'TEXT', 1, 1],
    ['aws_account_id', 'TEXT', 1, 2],
    ['aws_region', 'TEXT', 1, 3],
    ['log_key', 'TEXT', 1, 4],
    ['processed_date', 'TEXT', 1, 0],
    ['created_date', 'INTEGER', 1, 0],
  ],
  vpcflow: [
    ['bucket_path', 'TEXT', 1, 1],
    ['aws_account_id', 'TEXT', 1, 2],
    ['aws_region', 'TEXT', 1, 3],
    ['flow_log_id', 'TEXT', 1, 4],
    ['log_key', 'TEXT', 1, 5],
    ['processed_date', 'TEXT', 1, 0],
    ['created_date', 'INTEGER', 1, 0],
  ],
  custom: [
    ['bucket_path', 'TEXT', 1, 1],
    ['aws_account_id', 'TEXT', 1, 2],
    ['log_key', 'TEXT', 1, 3],
    ['processed_date', 'TEXT', 1, 0],
    ['created_date', 'INTEGER', 1, 0],
  ],
} as const;
type Schema = keyof typeof CORPUS_COLUMNS;
const CUSTOM_TABLES = [
  'custom',
  'guardduty',
  'waf',
  'alb',
  'clb',
  'nlb',
  's3_server_access',
  'cisco_umbrella',
];
const TABLES: [string, Schema][] = [
  ['cloudtrail', 'awslogs'],
  ['config', 'awslogs'],
  ['vpcflow', 'vpcflow'],
  ...CUSTOM_TABLES.map((t): [string, Schema] => [t, 'custom']),
];

let dir: string;
let db: StateDatabase;
let lines: string[];
const ct: RowScope = { bucketPath: 'b/', accountId: '111111111111', region: 'us-east-1' };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wazuh-aws-store-'));
  lines = [];
  const logger = createLineLogger({ level: 3, write: (line) => lines.push(line) });
  db = openStateDatabase({ path: join(dir, 's3_cloudtrail.db'), wazuhVersion: 'v5.1.0', logger });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const store = (
  table = 'cloudtrail',
  schema: 'awslogs' | 'vpcflow' | 'custom' = 'awslogs',
): BucketStateStore => {
  const s = createBucketStateStore(db, { table, schema });
  s.ensureTable();
  return s;
};
const keys = (table: string) =>
  db.all<{ log_key: string }>(`SELECT log_key FROM ${table} ORDER BY log_key`).map((r) => r.log_key);

describe('createBucketStateStore', () => {
  it.each(TABLES)('creates %s with the reference columns (%s)', (table, schema) => {
    store(table, schema);
    const cols = db.connection.pragma(`table_info(${table})`) as {
      name: string;
      type: string;
      notnull: number;
      pk: number;
    }[];
    expect(cols.map((c) => [c.name, c.type, c.notnull, c.pk])).toEqual(CORPUS_COLUMNS[schema]);
    expect(lines).toContain('DEBUG: +++ Table does not exist; create\n');
  });

  it('isProcessed matches the whole group: account, region, flow log id', () => {
    const s = store();
    s.markProcessed(ct, 'k1', 20250309);
    expect(s.isProcessed(ct, 'k1')).toBe(true);
    expect(s.isProcessed({ ...ct, region: 'eu-west-1' }, 'k1')).toBe(false);
    expect(s.isProcessed({ ...ct, accountId: '222222222222' }, 'k1')).toBe(false);
    expect(s.isProcessed({ ...ct, bucketPath: 'other/' }, 'k1')).toBe(false);
    const v = store('vpcflow', 'vpcflow');
    v.markProcessed({ ...ct, flowLogId: 'fl-1' }, 'k1', 20250309);
    expect(v.isProcessed({ ...ct, flowLogId: 'fl-1' }, 'k1')).toBe(true);
    expect(v.isProcessed({ ...ct, flowLogId: 'fl-2' }, 'k1')).toBe(false);
    const c = store('alb', 'custom');
    c.markProcessed({ ...ct, region: 'us-east-1' }, 'k1', 20250309);
    expect(c.isProcessed({ ...ct, region: 'eu-west-1' }, 'k1')).toBe(true);
  });

  it('lastKey takes the greatest key with an exact, case-sensitive prefix (no LIKE wildcards)', () => {
    const s = store('custom', 'custom');
    for (const key of ['a_b/1', 'axb/9', 'a%b/2', 'aXXb/3', 'A_B/8', 'a_b/0'])
      s.markProcessed(ct, key, 20250309);
    expect(s.lastKey(ct, 'a_b/')).toBe('a_b/1');
    expect(s.lastKey(ct, 'a%b/')).toBe('a%b/2');
    expect(s.lastKey(ct, 'A_B/')).toBe('A_B/8');
    expect(s.lastKey(ct, 'zz')).toBeUndefined();
    expect(s.lastKey(ct, '')).toBe('axb/9');
    expect(s.lastKey({ ...ct, accountId: 'x' }, '')).toBeUndefined();
  });

  it('markProcessed commits at once, stores DATETIME(now) and swallows duplicates with the reference debug line', () => {
    const s = store();
    s.markProcessed(ct, 'AWSLogs/k.json.gz', 20250310);
    const other = new Database(join(dir, 's3_cloudtrail.db'), { readonly: true });
    const row = other.prepare('SELECT * FROM cloudtrail').get() as Record<string, unknown>;
    other.close();
    expect(row).toMatchObject({
      bucket_path: 'b/',
      aws_account_id: '111111111111',
      aws_region: 'us-east-1',
      created_date: 20250310,
    });
    expect(row.processed_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    s.markProcessed(ct, 'AWSLogs/k.json.gz', 20250310);
    expect(lines).toContain(
      'DEBUG: +++ Error marking log AWSLogs/k.json.gz as completed: UNIQUE constraint failed: cloudtrail.bucket_path, cloudtrail.aws_account_id, cloudtrail.aws_region, cloudtrail.log_key\n',
    );
  });

  it('requires the region for AWSLogs tables', () => {
    const s = store();
    expect(() => s.isProcessed({ bucketPath: 'b/', accountId: '1' }, 'k')).toThrow(TypeError);
  });

  it('prune keeps the 500 greatest keys of the group and leaves other groups alone', () => {
    const s = store();
    const eu = { ...ct, region: 'eu-west-1' };
    db.transaction(() => {
      for (let i = 0; i < 700; i++) s.markProcessed(ct, `k/${String(i).padStart(4, '0')}`, 20250309);
      for (let i = 0; i < 10; i++) s.markProcessed(eu, `k/${String(i).padStart(4, '0')}`, 20250309);
    });
    s.prune(ct);
    const kept = db.all<{ log_key: string }>(
      "SELECT log_key FROM cloudtrail WHERE aws_region = 'us-east-1' ORDER BY log_key",
    );
    expect(kept).toHaveLength(500);
    expect(kept[0]?.log_key).toBe('k/0200');
    expect(db.all("SELECT 1 FROM cloudtrail WHERE aws_region = 'eu-west-1'")).toHaveLength(10);
    expect(lines).toContain('DEBUG: +++ DB Maintenance\n');
  });

  it('prune never deletes rows at or after keepFrom', () => {
    const s = store();
    db.transaction(() => {
      for (let i = 0; i < 700; i++) s.markProcessed(ct, `k/${String(i).padStart(4, '0')}`, 20250309);
    });
    s.prune(ct, { keepFrom: 'k/0100' });
    const all = keys('cloudtrail');
    expect(all).toHaveLength(600);
    expect(all[0]).toBe('k/0100');
  });

  it('prune of a custom table groups by key prefix (per region, decision B12)', () => {
    const s = store('alb', 'custom');
    const p = (region: string, i: number) =>
      `AWSLogs/1/elasticloadbalancing/${region}/${String(i).padStart(4, '0')}`;
    db.transaction(() => {
      for (let i = 0; i < 600; i++) s.markProcessed(ct, p('us-east-1', i), 20250309);
      for (let i = 0; i < 50; i++) s.markProcessed(ct, p('ap-south-1', i), 20250309);
    });
    s.prune(ct, { keyPrefix: 'AWSLogs/1/elasticloadbalancing/us-east-1/' });
    const all = keys('alb');
    expect(all.filter((k) => k.includes('ap-south-1'))).toHaveLength(50);
    expect(all.filter((k) => k.includes('us-east-1'))).toHaveLength(500);
  });

  it('prune logs an ERROR line and goes on when SQLite fails', () => {
    const s = store();
    db.connection.exec('DROP TABLE cloudtrail');
    s.prune(ct);
    expect(lines).toContain(
      'ERROR: Failed to execute DB cleanup - AWS Account ID: 111111111111  Region: us-east-1: no such table: cloudtrail\n',
    );
  });
});

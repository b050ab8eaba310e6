import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLineLogger } from '../log/logger.js';
import { createBucketStateStore } from './bucket-store.js';
import { openStateDatabase } from './database.js';

const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

let dir: string;
let dbPath: string;
let lines: string[];
const logger = () => createLineLogger({ level: 3, write: (line) => lines.push(line) });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wazuh-aws-state-'));
  dbPath = join(dir, 's3_cloudtrail.db');
  lines = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const raw = (path = dbPath) => new Database(path, { readonly: true });
const columns = (db: BetterSqlite3.Database, table: string) =>
  (db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; pk: number }[]).map(
    (c) => [c.name, c.type, c.notnull, c.pk],
  );

describe('openStateDatabase', () => {
  it('creates the file with mode 0600 and the metadata table of the reference', () => {
    const db = openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger() });
    db.close();
    expect(statSync(dbPath).mode & 0o777).toBe(0o600);
    const check = raw();
    expect(columns(check, 'metadata')).toEqual([
      ['key', 'TEXT', 1, 1],
      ['value', 'TEXT', 1, 2],
    ]);
    expect(check.prepare('SELECT key, value FROM metadata').all()).toEqual([
      { key: 'version', value: 'v5.1.0' },
    ]);
    check.close();
  });

  it('updates the version row of an existing database', () => {
    openStateDatabase({ path: dbPath, wazuhVersion: 'v5.0.0', logger: logger() }).close();
    openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger() }).close();
    const check = raw();
    expect(check.prepare('SELECT key, value FROM metadata').all()).toEqual([
      { key: 'version', value: 'v5.1.0' },
    ]);
    check.close();
  });

  it('removes world access from an existing file and keeps owner/group bits', () => {
    openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger() }).close();
    chmodSync(dbPath, 0o664);
    openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger() }).close();
    expect(statSync(dbPath).mode & 0o777).toBe(0o660);
  });

  it('drops deprecated tables whenever present, with the reference debug text', () => {
    openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger() }).close();
    const w = new Database(dbPath);
    w.exec("CREATE TABLE log_progress (x 'text')");
    w.close();
    const db = openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger() });
    expect(db.tableExists('log_progress')).toBe(false);
    db.close();
    expect(lines).toContain(`DEBUG: Removing deprecated 'log_progress 'table from ${dbPath}\n`);
  });

  it('opens a database written by the Python wodle and reuses its rows', () => {
    const py = new Database(dbPath);
    py.exec(`
      CREATE TABLE metadata (key 'text' NOT NULL, value 'text' NOT NULL, PRIMARY KEY (key, value));
      INSERT INTO metadata VALUES ('version', 'v4.8.2');
      CREATE TABLE trail_progress (aws_account_id 'text' NOT NULL, aws_region 'text' NOT NULL, log_key 'text' NOT NULL);
      CREATE TABLE cloudtrail (
        bucket_path 'text' NOT NULL,
        aws_account_id 'text' NOT NULL,
        aws_region 'text' NOT NULL,
        log_key 'text' NOT NULL,
        processed_date 'text' NOT NULL,
        created_date 'integer' NOT NULL,
        PRIMARY KEY (bucket_path, aws_account_id, aws_region, log_key));
      INSERT INTO cloudtrail VALUES ('b/', '123456789012', 'us-east-1',
        'AWSLogs/123456789012/CloudTrail/us-east-1/2025/03/09/x.json.gz', '2025-03-09 10:00:00', 20250309);
    `);
    py.close();
    const db = openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger() });
    expect(db.tableExists('trail_progress')).toBe(false);
    const store = createBucketStateStore(db, { table: 'cloudtrail', schema: 'awslogs' });
    store.ensureTable();
    const scope = { bucketPath: 'b/', accountId: '123456789012', region: 'us-east-1' };
    const key = 'AWSLogs/123456789012/CloudTrail/us-east-1/2025/03/09/x.json.gz';
    expect(store.isProcessed(scope, key)).toBe(true);
    expect(store.lastKey(scope, 'AWSLogs/123456789012/CloudTrail/us-east-1/')).toBe(key);
    db.close();
    expect(lines).not.toContain('DEBUG: +++ Table does not exist; create\n');
    const check = raw();
    expect(check.prepare('SELECT value FROM metadata').pluck().all()).toEqual(['v5.1.0']);
    check.close();
  });

  it('fails with exit 5 naming the path when the file is not a database', () => {
    writeFileSync(dbPath, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const open = () => openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger() });
    expect(open).toThrow(expect.objectContaining({ exitCode: 5 }));
    expect(open).toThrow(`Error attempting to operate with the ${dbPath} database: file is not a database`);
  });

  it('fails with exit 5 naming the path when the directory is missing', () => {
    const path = join(dir, 'missing', 'aws_services.db');
    expect(() => openStateDatabase({ path, wazuhVersion: 'v5.1.0', logger: logger() })).toThrow(
      expect.objectContaining({ exitCode: 5, message: expect.stringContaining(path) }),
    );
  });

  it('fails with exit 5 when the metadata table has no version row', () => {
    const w = new Database(dbPath);
    w.exec("CREATE TABLE metadata (key 'text' NOT NULL, value 'text' NOT NULL, PRIMARY KEY (key, value))");
    w.close();
    expect(() => openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger() })).toThrow(
      expect.objectContaining({ exitCode: 5, message: expect.stringContaining(dbPath) }),
    );
  });

  it('makes a second run wait for the run lock, then fail with exit 5; it works once the first closes', () => {
    const first = openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger() });
    const second = () =>
      openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger(), lockTimeoutMs: 200 });
    expect(second).toThrow(expect.objectContaining({ exitCode: 5, code: 'DB_LOCKED' }));
    expect(second).toThrow(`The ${dbPath} database is in use by another run`);
    first.close();
    const again = second();
    expect(again.tableExists('metadata')).toBe(true);
    again.close();
    expect(statSync(`${dbPath}.lock`).mode & 0o777).toBe(0o600);
  });

  it('ensureTable creates a missing table (debug 1) and maps creation failures to exit 6', () => {
    const db = openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger() });
    db.ensureTable('t1', "CREATE TABLE t1 (a 'text' NOT NULL)");
    db.ensureTable('t1', "CREATE TABLE t1 (a 'text' NOT NULL)");
    expect(lines.filter((l) => l === 'DEBUG: +++ Table does not exist; create\n')).toHaveLength(1);
    expect(() => db.ensureTable('t2', 'CREATE TABLE t2 (')).toThrow(
      expect.objectContaining({
        exitCode: 6,
        message: expect.stringMatching(/^Unable to create SQLite DB: /),
      }),
    );
    db.close();
  });

  it('commits each statement durably while open (WAL) and leaves a single rollback-mode file after close', () => {
    const db = openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger() });
    db.ensureTable('t1', "CREATE TABLE t1 (a 'text' NOT NULL)");
    db.run('INSERT INTO t1 (a) VALUES (?)', 'x');
    expect(db.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    // Another connection (another process after a crash of this one) sees the committed row.
    const during = raw();
    expect(during.prepare('SELECT a FROM t1').pluck().all()).toEqual(['x']);
    during.close();
    db.close();
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    const check = raw();
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.prepare('SELECT a FROM t1').pluck().all()).toEqual(['x']);
    check.close();
  });

  it('close commits an open transaction', () => {
    const db = openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger() });
    db.ensureTable('t1', "CREATE TABLE t1 (a 'text' NOT NULL)");
    db.connection.exec('BEGIN');
    db.run('INSERT INTO t1 (a) VALUES (?)', 'x');
    db.close();
    const check = raw();
    expect(check.prepare('SELECT a FROM t1').pluck().all()).toEqual(['x']);
    check.close();
  });
});

describe('run lock across processes', () => {
  it('blocks while another process holds it and is free again once that process is killed', async () => {
    openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger() }).close();
    const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require(process.argv[1]); const c = new D(process.argv[2]); c.exec('BEGIN EXCLUSIVE');
         process.stdout.write('locked\\n'); setInterval(() => c.inTransaction, 1000);`,
        sqlitePath,
        `${dbPath}.lock`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
      holder.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    expect(() =>
      openStateDatabase({ path: dbPath, wazuhVersion: 'v5.1.0', logger: logger(), lockTimeoutMs: 100 }),
    ).toThrow(expect.objectContaining({ exitCode: 5, code: 'DB_LOCKED' }));
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const db = openStateDatabase({
      path: dbPath,
      wazuhVersion: 'v5.1.0',
      logger: logger(),
      lockTimeoutMs: 100,
    });
    db.close();
  });
});

// Service plugin tests: run the service engine the way the CLI does, against fake AWS on 127.0.0.1, a real SQLite file
// in a throwaway Wazuh dir, and a sink that records every datagram body.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDiscardFilter, createLineLogger } from '@wazuh-aws/core';
import type { AwsClientConstructor, AwsClientFactory } from '@wazuh-aws/core/aws';
import type { RunContext } from '@wazuh-aws/core/engine';
import { openStateDatabase } from '@wazuh-aws/core/state';
import { createWazuhDir, type WazuhDir } from '@wazuh-aws/testkit';

export interface RunOptions {
  onlyLogsAfter?: string;
  reparse?: boolean;
  discardField?: string;
  discardRegex?: string;
  level?: number;
  /** Called after each datagram (e.g. to abort the run mid-way). */
  onSend?: (count: number) => void;
  signal?: AbortSignal;
}

export interface RunRecord {
  /** Datagrams as Wazuh receives them (`1:Wazuh-AWS:` + body). */
  messages: string[];
  /** Stdout lines. */
  lines: string[];
  context: RunContext;
}

export interface Harness {
  readonly wazuh: WazuhDir;
  context(options?: RunOptions): RunRecord;
  /** Rows of a table of aws_services.db, sorted as the corpus sorts them. */
  rows(table: string): unknown[][];
  columns(table: string): unknown[][];
  cleanup(): void;
}

/** A factory building real SDK clients on the fake endpoint with dummy credentials. */
export function fakeClientFactory(endpoint: string, accountId = '123456789012'): AwsClientFactory {
  return {
    async create<T>(Client: AwsClientConstructor<T>, request: { region?: string | undefined }) {
      return new Client({
        region: request.region ?? 'us-east-1',
        endpoint,
        credentials: { accessKeyId: 'AKIDFAKE', secretAccessKey: 'secretfake' },
        maxAttempts: 1,
      });
    },
    callerAccountId: async () => accountId,
  };
}

export function createHarness(endpoint: string): Harness {
  const wazuh = createWazuhDir();
  const dbPath = join(wazuh.wodleDir, 'aws_services.db');
  const query = <T>(fn: (db: ReturnType<typeof openStateDatabase>) => T): T => {
    const db = openStateDatabase({
      path: dbPath,
      wazuhVersion: 'v5.1.0',
      logger: createLineLogger({ write: () => {} }),
    });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  return {
    wazuh,
    context(options = {}) {
      const messages: string[] = [];
      const lines: string[] = [];
      const logger = createLineLogger({
        level: options.level ?? 3,
        write: (line) => lines.push(line.trimEnd()),
      });
      const context: RunContext = {
        logger,
        sink: {
          send(json: string) {
            messages.push(`1:Wazuh-AWS:${json}`);
            options.onSend?.(messages.length);
          },
          close: async () => {},
        },
        wazuh: { home: wazuh.root, version: 'v5.1.0', wodleDir: wazuh.wodleDir },
        aws: fakeClientFactory(endpoint),
        options: {
          reparse: options.reparse ?? false,
          onlyLogsAfter: options.onlyLogsAfter,
          skipOnError: false,
          accountAlias: '',
          discard: createDiscardFilter({ field: options.discardField, regex: options.discardRegex }),
          concurrency: 1,
        },
        signal: options.signal ?? new AbortController().signal,
        defaultDate: new Date(Date.UTC(2025, 2, 12)),
      };
      return { messages, lines, context };
    },
    rows: (table) =>
      query((db) =>
        db
          .all<Record<string, unknown>>(`SELECT * FROM ${table}`)
          .map((row) => Object.values(row))
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      ),
    columns: (table) =>
      query((db) =>
        db
          .all<{ name: string; type: string; notnull: number; pk: number }>(`PRAGMA table_info("${table}")`)
          .map((c) => [c.name, c.type, c.notnull, c.pk]),
      ),
    cleanup: () => wazuh.cleanup(),
  };
}

/** A corpus `messages.jsonl` as `{run, msg}` records. */
export function readExpectedMessages(path: string): Array<{ run: number; msg: string; len: number }> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { run: number; msg: string; len: number });
}

/** A corpus `db.json`: per run, table → {columns, rows}. */
export function readExpectedDb(
  path: string,
): Array<Record<string, { columns: unknown[][]; rows: unknown[][] }>> {
  const runs = JSON.parse(readFileSync(path, 'utf8')) as Array<{
    dbs: Record<string, Record<string, { columns: unknown[][]; rows: unknown[][] }>>;
  }>;
  return runs.map((r) => r.dbs['aws_services.db'] ?? {});
}

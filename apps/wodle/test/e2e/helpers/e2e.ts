// One scenario world (fake AWS with S3/STS/EC2/Logs/Inspector/SQS, Wazuh dir, HOME) plus helpers to
// run the built CLI against it and read what it did: datagrams, SQLite rows, objects left.
import type { ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CliResult,
  type Corpus,
  createScenarioWorld,
  createStaleSocket,
  type DatagramReceiver,
  drainReceiver,
  MESSAGE_HEADER,
  openCorpus,
  runCli,
  type ScenarioWorld,
  spawnCli,
  startDatagramReceiver,
} from '@wazuh-aws/testkit';
import { afterEach, beforeEach } from 'vitest';
import { requireBuiltCli } from './cli.js';

/** The corpus copied into this package's test fixtures. */
export const corpus: Corpus = openCorpus(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'corpus'));

/** What one run did. */
export interface E2eRun extends CliResult {
  /** Datagrams received, full text. */
  raw: string[];
  /** The bodies of the datagrams (header checked and stripped), parsed; a text body is `{ text }`. */
  events: Array<Record<string, unknown>>;
  stdoutLines: string[];
}

export interface RunOptions {
  /** `normal` (a receiver), `stale` (a socket nobody reads) or `absent`. @default 'normal' */
  receiver?: 'normal' | 'stale' | 'absent';
  env?: Record<string, string>;
  /** Leave `WAZUH_PATH` out of the environment. */
  withoutWazuhPath?: boolean;
}

export interface E2e {
  readonly world: ScenarioWorld;
  /** Uploads corpus S3 subsets into a bucket. */
  upload(bucket: string, ...subsets: string[]): void;
  run(args: readonly string[], options?: RunOptions): Promise<E2eRun>;
  /** Spawns the CLI with the world's environment (no receiver handling). */
  spawn(args: readonly string[], env?: Record<string, string>): ChildProcess;
  /** The receiver on the Wazuh socket (started when there is none); runs share it. */
  receiver(): Promise<DatagramReceiver>;
  /** Stops the receiver: the socket file disappears ("Wazuh is down"). */
  stopReceiver(): Promise<void>;
  /** Rows of a table of `<wazuh>/wodles/aws/<file>` (empty when the file or table does not exist). */
  rows(file: string, table: string): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
type Db = {
  prepare(sql: string): { all(): unknown[] };
  close(): void;
};

/** Parses a datagram: `1:Wazuh-AWS:<json>`; a body that is not JSON (CloudWatch text) is `{ text }`. */
export function parseDatagram(text: string): Record<string, unknown> {
  if (!text.startsWith(MESSAGE_HEADER))
    throw new Error(`datagram without the Wazuh header: ${text.slice(0, 80)}`);
  const body = text.slice(MESSAGE_HEADER.length);
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { text: body };
  }
}

/** `aws.log_info.log_file` of a bucket event. */
export const logFileOf = (event: Record<string, unknown>): string =>
  String(((event.aws as Record<string, unknown>)?.log_info as Record<string, unknown>)?.log_file);

/** A canonical text of an event, for multiset comparisons. */
export const eventKey = (event: unknown): string => JSON.stringify(sortKeys(event));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/** Starts a fresh world; `close()` it in afterEach/afterAll. */
/**
 * For a `describe` of CLI runs: checks the CLI is built, hands each test a fresh world through
 * `use` (which may also load it) and closes it afterwards.
 */
export function useE2e(use: (e2e: E2e) => void): void {
  requireBuiltCli();
  let current: E2e | undefined;
  beforeEach(async () => {
    current = await startE2e();
    use(current);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
}

export async function startE2e(): Promise<E2e> {
  const world = await createScenarioWorld(corpus, { name: 'e2e', steps: [] });
  const socketPath = world.wazuh.socketPath;
  let receiver: DatagramReceiver | undefined;
  const stopReceiver = async () => {
    await receiver?.close();
    receiver = undefined;
    if (existsSync(socketPath)) rmSync(socketPath, { force: true });
  };
  return {
    world,
    upload(bucket, ...subsets) {
      world.apply({ op: 's3', bucket, subsets });
    },
    async run(args, options = {}) {
      const mode = options.receiver ?? 'normal';
      if (mode !== 'normal') await stopReceiver();
      if (mode === 'normal') receiver ??= await startDatagramReceiver({ path: socketPath });
      if (mode === 'stale') createStaleSocket(socketPath);
      const offset = receiver?.count ?? 0;
      const env = { ...world.env, ...options.env };
      if (options.withoutWazuhPath) delete env.WAZUH_PATH;
      try {
        const result = await runCli(args, { env, cwd: world.work, timeoutMs: 120_000 });
        if (receiver) await drainReceiver(receiver);
        const raw = receiver ? receiver.messages.slice(offset) : [];
        return {
          ...result,
          raw,
          events: raw.map(parseDatagram),
          stdoutLines: result.stdout.split('\n').filter((l) => l !== ''),
        };
      } finally {
        if (mode === 'stale') rmSync(socketPath, { force: true });
      }
    },
    spawn: (args, env) => spawnCli(args, { env: { ...world.env, ...env }, cwd: world.work }),
    async receiver() {
      receiver ??= await startDatagramReceiver({ path: socketPath });
      return receiver;
    },
    stopReceiver,
    rows(file, table) {
      const path = join(world.wazuh.wodleDir, file);
      if (!existsSync(path)) return [];
      const Sqlite = require('better-sqlite3') as new (p: string, o: { readonly: boolean }) => Db;
      // Read-write: after a SIGKILL mid-commit the file has a hot journal, which only a writer may
      // roll back (a read-only connection fails with SQLITE_READONLY).
      const db = new Sqlite(path, { readonly: false });
      try {
        const exists = db
          .prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name='${table}'`)
          .all();
        return exists.length
          ? (db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>)
          : [];
      } finally {
        db.close();
      }
    },
    async close() {
      await stopReceiver();
      await world.close();
    },
  };
}

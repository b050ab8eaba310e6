import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One object of an S3 subset: `file` is relative to `inputs/`; `null` is a zero-byte "folder" object. */
export interface CorpusObject {
  key: string;
  file: string | null;
  size?: number;
  sha256?: string;
}

/** The corpus' `manifest.json`. */
export interface CorpusManifest {
  seed?: number;
  /** Whether the corpus holds the Parquet objects (`requires: ["security_lake"]`). */
  security_lake?: boolean;
  s3: Record<string, CorpusObject[]>;
  fixtures: Record<string, { file: string; sha256?: string }>;
  scenarios: string[];
}

/** A step of a scenario (`op` says which). */
export type ScenarioStep =
  | { op: 's3'; bucket: string; subsets?: string[]; key_prefix?: string }
  | { op: 'logs'; fixture?: string; empty_groups?: Array<[string, string]> }
  | { op: 'inspector'; fixture: string }
  | { op: 'sqs'; queue: string; fixture?: string }
  | {
      op: 'run';
      args: string[];
      receiver?: 'normal' | 'stale' | 'absent';
      env?: Record<string, string>;
      timeout?: number;
    };

/** A scenario's `scenario.json`. */
export interface Scenario {
  name: string;
  description?: string;
  steps: ScenarioStep[];
  /** Text of `~/.aws/config`. */
  aws_config?: string;
  /** Extra profiles in `~/.aws/credentials` (same dummy keys). */
  profiles?: string[];
  /** Manifest flags the scenario needs (`security_lake`). */
  requires?: string[];
}

/** One datagram as the corpus' `messages.jsonl` holds it. */
export interface CorpusMessage {
  run: number;
  seq: number;
  len: number;
  msg?: string;
  msg_b64?: string;
}

/** One run as `runs.json` holds it. */
export interface RunRecord {
  run: number;
  args: string[];
  exit_code: number | null;
  timed_out?: boolean;
  stdout: string[];
  stderr: string[];
  messages: number;
}

/** A table of a state database: `[name, type, notnull, pk]` columns and rows (normalised). */
export interface TableDump {
  columns: Array<[string, string, number, number]>;
  rows: unknown[][];
}

/** Every table of every `*.db` file after one run. */
export interface DbSnapshot {
  run: number;
  dbs: Record<string, Record<string, TableDump>>;
}

/** What is left after the last run: objects per bucket, log streams (event counts), queue bodies. */
export interface StateAfter {
  s3: Record<string, string[]>;
  fake: {
    logs: Record<string, Record<string, Record<string, number>>>;
    sqs: Record<string, string[]>;
  };
}

/** What a scenario run produced (or is expected to produce), in the corpus' formats. */
export interface ScenarioOutputs {
  runs: RunRecord[];
  messages: CorpusMessage[];
  dbs: DbSnapshot[];
  state: StateAfter;
}

/** The expected outputs plus the scenario's decisions and waivers. */
export interface ExpectedScenario extends ScenarioOutputs {
  /** Aspects not counted for this scenario (`waived.json`). */
  waived: { reason?: string; ignore: string[] };
}

/** A corpus directory: `manifest.json`, `inputs/`, `scenarios/`. */
export interface Corpus {
  readonly dir: string;
  readonly manifest: CorpusManifest;
  scenario(name: string): Scenario;
  expected(name: string): ExpectedScenario;
  /** Absolute path of a fixture named in the manifest. */
  fixturePath(name: string): string;
  /** Absolute path of an input file (`file` of an S3 entry). */
  inputPath(file: string): string;
}

const readJson = <T>(path: string, fallback?: T): T => {
  if (fallback !== undefined && !existsSync(path)) return fallback;
  return JSON.parse(readFileSync(path, 'utf8')) as T;
};

const readLines = <T>(path: string): T[] =>
  existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as T)
    : [];

/**
 * Opens a corpus directory laid out like `/work/shared/corpus` (copied into a package's test fixtures).
 *
 * @example
 * const corpus = openCorpus(join(here, '../corpus'));
 * for (const name of corpus.manifest.scenarios) console.log(corpus.scenario(name).description);
 */
export function openCorpus(dir: string): Corpus {
  const manifest = readJson<CorpusManifest>(join(dir, 'manifest.json'));
  const scenarioDir = (name: string) => join(dir, 'scenarios', name);
  return {
    dir,
    manifest,
    scenario: (name) => readJson<Scenario>(join(scenarioDir(name), 'scenario.json')),
    expected(name) {
      const d = scenarioDir(name);
      const waived = readJson<{ reason?: string; ignore?: string[] }>(join(d, 'waived.json'), {});
      return {
        runs: readJson<RunRecord[]>(join(d, 'runs.json'), []),
        messages: readLines<CorpusMessage>(join(d, 'messages.jsonl')),
        dbs: readJson<DbSnapshot[]>(join(d, 'db.json'), []),
        state: readJson<StateAfter>(join(d, 'state_after.json'), { s3: {}, fake: { logs: {}, sqs: {} } }),
        waived: { reason: waived.reason, ignore: waived.ignore ?? [] },
      };
    },
    fixturePath(name) {
      const entry = manifest.fixtures[name];
      if (!entry) throw new Error(`fixture ${JSON.stringify(name)} is not in the corpus manifest`);
      return join(dir, 'inputs', entry.file);
    },
    inputPath: (file) => join(dir, 'inputs', file),
  };
}

import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeInspector, type FakeInspector, type WireFinding } from '../fake-aws/inspector.js';
import { createFakeLogs, type FakeLogs, type LogsFixture } from '../fake-aws/logs.js';
import type { CallerIdentity, FakeFlowLog } from '../fake-aws/query-services.js';
import { type FakeAws, startFakeAws } from '../fake-aws/server.js';
import { createFakeSqs, type FakeSqs } from '../fake-aws/sqs.js';
import { createWazuhDir, type WazuhDir } from '../wazuh-dir.js';
import type { Corpus, Scenario, ScenarioStep, StateAfter } from './corpus.js';
import { conformanceEnv, credentialsFile } from './environment.js';
import { Normalizer } from './normalize.js';

/** Everything one scenario runs against: fresh fakes, a Wazuh dir, a HOME, a work dir. */
export interface ScenarioWorld {
  readonly tmp: string;
  readonly wazuh: WazuhDir;
  readonly home: string;
  /** The CLI's working directory (empty). */
  readonly work: string;
  readonly aws: FakeAws;
  /** A second endpoint over the same buckets that reads every request as S3 (`{s3_only_endpoint}`). */
  readonly s3Only: FakeAws;
  readonly logs: FakeLogs;
  readonly inspector: FakeInspector;
  readonly sqs: FakeSqs;
  readonly normalizer: Normalizer;
  /** The run environment (see {@link conformanceEnv}). */
  readonly env: Record<string, string>;
  /** Applies a non-`run` step. */
  apply(step: Exclude<ScenarioStep, { op: 'run' }>): void;
  /** Formats `{endpoint}` and `{s3_only_endpoint}` in a run's arguments. */
  args(args: readonly string[]): string[];
  state(): StateAfter;
  close(): Promise<void>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

const byUpdatedAt = (a: WireFinding, b: WireFinding) => {
  const x = a.updatedAt as number | string;
  const y = b.updatedAt as number | string;
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Sets up a scenario's world: the corpus' identity and flow logs are loaded, nothing else. */
export async function createScenarioWorld(corpus: Corpus, scenario: Scenario): Promise<ScenarioWorld> {
  // Short and in the system temp dir: a Unix socket path must stay under 108 bytes.
  const tmp = mkdtempSync(join(tmpdir(), 'wac-'));
  const wazuh = createWazuhDir();
  const home = join(tmp, 'home');
  const work = join(tmp, 'work');
  mkdirSync(join(home, '.aws'), { recursive: true });
  mkdirSync(work);
  writeFileSync(join(home, '.aws', 'credentials'), credentialsFile(scenario.profiles));
  if (scenario.aws_config !== undefined) writeFileSync(join(home, '.aws', 'config'), scenario.aws_config);

  const logs = createFakeLogs();
  const inspector = createFakeInspector();
  const sqs = createFakeSqs({ maxWaitMs: 0 });
  const aws = await startFakeAws({ logs, inspector, sqs });
  const s3Only = await startFakeAws({ s3Only: true, s3Store: aws.s3 });
  aws.setCallerIdentity(readJson<CallerIdentity>(corpus.fixturePath('identity')));
  const flowLogs = readJson<Record<string, FakeFlowLog[]>>(corpus.fixturePath('flow_logs'));
  for (const [region, list] of Object.entries(flowLogs)) aws.setFlowLogs(region, list);

  const normalizer = new Normalizer();
  for (const [path, placeholder] of [
    [wazuh.root, '{WAZUH}'],
    [home, '{HOME}'],
    [tmp, '{TMP}'],
  ] as const) {
    normalizer.add(realpathSync(path), placeholder);
    normalizer.add(path, placeholder);
  }
  normalizer.add(aws.url, '{ENDPOINT}');
  normalizer.add(s3Only.url, '{S3_ONLY_ENDPOINT}');
  normalizer.add(`127.0.0.1:${aws.port}`, '{ENDPOINT_HOST}');
  normalizer.add(`127.0.0.1:${s3Only.port}`, '{S3_ONLY_HOST}');

  return {
    tmp,
    wazuh,
    home,
    work,
    aws,
    s3Only,
    logs,
    inspector,
    sqs,
    normalizer,
    env: conformanceEnv({ endpoint: aws.url, home, wazuhPath: wazuh.root }),
    apply(step) {
      if (step.op === 's3') {
        aws.s3.createBucket(step.bucket);
        for (const subset of step.subsets ?? []) {
          const entries = corpus.manifest.s3[subset];
          if (!entries) throw new Error(`S3 subset ${JSON.stringify(subset)} is not in the corpus manifest`);
          for (const e of entries) {
            const body = e.file ? readFileSync(corpus.inputPath(e.file)) : Buffer.alloc(0);
            aws.s3.putObject(step.bucket, (step.key_prefix ?? '') + e.key, body);
          }
        }
      } else if (step.op === 'logs') {
        for (const [region, group] of step.empty_groups ?? []) logs.createGroup(region, group);
        if (step.fixture) logs.load(readJson<LogsFixture>(corpus.fixturePath(step.fixture)));
      } else if (step.op === 'inspector') {
        const fixture = readJson<Record<string, WireFinding[]>>(corpus.fixturePath(step.fixture));
        for (const [region, findings] of Object.entries(fixture))
          inspector.loadV2({ [region]: [...findings].sort(byUpdatedAt) });
      } else if (step.op === 'sqs') {
        sqs.createQueue(step.queue);
        const bodies = step.fixture ? readJson<string[]>(corpus.fixturePath(step.fixture)) : [];
        for (const body of bodies) sqs.send(step.queue, body);
      }
    },
    args: (args) =>
      args.map((a) => a.replaceAll('{endpoint}', aws.url).replaceAll('{s3_only_endpoint}', s3Only.url)),
    state: () => ({
      s3: Object.fromEntries(aws.s3.bucketNames().map((b) => [b, aws.s3.listKeys(b)])),
      fake: {
        logs: logs.snapshot(),
        sqs: Object.fromEntries(sqs.queueNames().map((q) => [q, sqs.bodies(q)])),
      },
    }),
    async close() {
      await s3Only.close();
      await aws.close();
      wazuh.cleanup();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

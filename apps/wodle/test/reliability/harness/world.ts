// One fake AWS (S3, STS, EC2, CloudWatch Logs, Inspector, SQS on a single 127.0.0.1 server), a
// throwaway Wazuh directory and a restartable datagram receiver: everything a reliability test
// needs to run the real CLI end to end.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CliResult,
  createFakeInspector,
  createFakeLogs,
  createFakeSqs,
  createWazuhDir,
  type DatagramReceiver,
  type FakeAws,
  FakeAwsError,
  type FakeInspector,
  type FakeLogs,
  type FakeSqs,
  runCli,
  spawnCli,
  startDatagramReceiver,
  startFakeAws,
  type WazuhDir,
} from '@wazuh-aws/testkit';

/** The dummy credentials every run gets through the environment. */
export const WORLD_KEY_ID = 'AKIAWORLDACCESSKEY00';
export const WORLD_SECRET = 'world/secret/access/key/000000000000000000';

export interface World {
  readonly aws: FakeAws;
  readonly logs: FakeLogs;
  readonly inspector: FakeInspector;
  readonly sqs: FakeSqs;
  readonly wazuh: WazuhDir;
  /** The current receiver on `<wazuh>/queue/sockets/queue`, or undefined while Wazuh is "down". */
  receiver: DatagramReceiver | undefined;
  /** Every datagram body (header stripped) received so far, across receiver restarts, in order. */
  received(): string[];
  /** The CLI's environment (fake endpoint and credentials, WAZUH_PATH, a private HOME). */
  readonly env: Record<string, string>;
  /** Starts (or restarts) Wazuh's socket. */
  startReceiver(): Promise<DatagramReceiver>;
  /** Stops Wazuh's socket (the socket file disappears); what it received stays in `received`. */
  stopReceiver(): Promise<void>;
  run(
    args: readonly string[],
    options?: { env?: Record<string, string>; timeoutMs?: number },
  ): Promise<CliResult>;
  spawn(args: readonly string[], options?: { env?: Record<string, string> }): ChildProcess;
  close(): Promise<void>;
}

const HEADER = '1:Wazuh-AWS:';

export interface WorldOptions {
  /** Lines added to the `[default]` profile of `~/.aws/config` (e.g. `max_attempts = 3`). */
  profile?: string[];
}

/** Starts a world; call `close()` in afterAll/afterEach. */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const aws = await startFakeAws();
  const logs = createFakeLogs();
  const inspector = createFakeInspector();
  const sqs = createFakeSqs({ maxWaitMs: 50 });
  mountServices(aws, logs, inspector, sqs);
  const wazuh = createWazuhDir();
  const home = join(wazuh.root, 'home');
  mkdirSync(join(home, '.aws'), { recursive: true });
  writeFileSync(
    join(home, '.aws', 'config'),
    ['[default]', 'region = us-east-1', ...(options.profile ?? []), ''].join('\n'),
  );
  const env: Record<string, string> = {
    HOME: home,
    WAZUH_PATH: wazuh.root,
    AWS_ACCESS_KEY_ID: WORLD_KEY_ID,
    AWS_SECRET_ACCESS_KEY: WORLD_SECRET,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    AWS_ENDPOINT_URL: aws.url,
  };
  // Messages of earlier receivers; the live one's are added on read.
  const archived: string[] = [];
  const world: World = {
    aws,
    logs,
    inspector,
    sqs,
    wazuh,
    receiver: undefined,
    received: () => [...archived, ...(world.receiver?.messages ?? [])].map(stripHeader),
    env,
    async startReceiver() {
      if (world.receiver) return world.receiver;
      world.receiver = await startDatagramReceiver({ path: wazuh.socketPath });
      return world.receiver;
    },
    async stopReceiver() {
      const receiver = world.receiver;
      if (!receiver) return;
      world.receiver = undefined;
      await receiver.close();
      for (const m of receiver.messages) archived.push(m);
    },
    run: (args, options = {}) =>
      runCli(args, { env: { ...env, ...options.env }, timeoutMs: options.timeoutMs ?? 60_000 }),
    spawn: (args, options = {}) => spawnCli(args, { env: { ...env, ...options.env } }),
    async close() {
      await world.stopReceiver();
      await aws.close();
      wazuh.cleanup();
    },
  };
  return world;
}

function stripHeader(message: string): string {
  return message.startsWith(HEADER) ? message.slice(HEADER.length) : message;
}

/** Mounts the Logs, Inspector and SQS fakes on the one server (same endpoint, same fault registry). */
function mountServices(aws: FakeAws, logs: FakeLogs, inspector: FakeInspector, sqs: FakeSqs): void {
  aws.registerJsonTarget(logs.targetPrefix, logs.handle, { service: 'logs' });
  aws.registerJsonTarget(inspector.classicTargetPrefix, inspector.handleClassic, { service: 'inspector' });
  aws.registerRestJson('POST', inspector.v2Route.path, inspector.handleV2, 'ListFindings', 'inspector2');
  sqs.setBaseUrl(aws.url);
  aws.registerJsonTarget(
    'AmazonSQS',
    async (operation, input) => {
      const out = await sqs.handle(operation, input);
      if (out.status === 200) return out.body;
      const body = out.body as { __type?: string; message?: string };
      const code = (body.__type ?? 'InternalError').replace(/^.*#/, '');
      throw new FakeAwsError(out.status, code, body.message ?? code);
    },
    { service: 'sqs' },
  );
}

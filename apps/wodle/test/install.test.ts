// The one-step install into a Wazuh-like directory, its launcher, and the rollback.
import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
  createWazuhDir,
  type DatagramReceiver,
  DEFAULT_CLI_PATH,
  type FakeAws,
  REPO_ROOT,
  runCli,
  startDatagramReceiver,
  startFakeAws,
  type WazuhDir,
} from '@wazuh-aws/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = join(REPO_ROOT, 'apps', 'wodle', 'scripts', 'wazuh-install.mjs');
const PYTHON_LAUNCHER = '#!/bin/sh\necho "python wodle"\n';
const BUCKET = 'trail';

function trailKey(day: string, id: string): string {
  return `AWSLogs/123456789012/CloudTrail/us-east-1/2025/03/${day}/123456789012_CloudTrail_us-east-1_202503${day}T0100Z_${id}.json.gz`;
}

function trailFile(eventName: string): Buffer {
  const record = {
    eventVersion: '1.08',
    eventTime: '2025-03-09T01:00:00Z',
    eventSource: 'iam.amazonaws.com',
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.5',
    userIdentity: { type: 'IAMUser', userName: 'alice', accountId: '123456789012' },
  };
  return gzipSync(JSON.stringify({ Records: [record] }));
}

const exec = promisify(execFile);
const script = (...args: string[]) =>
  exec(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', env: { ...process.env, WAZUH_PATH: '' } });

let temp: string;
let bundle: string;
let wazuh: WazuhDir;
let aws: FakeAws;
let receiver: DatagramReceiver;
let env: Record<string, string>;

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'wazuh-aws-install-'));
  bundle = join(temp, 'bundle');
  // The suite runs after the build (turbo), so the bundle skips it.
  await script('bundle', bundle, '--no-build');
  aws = await startFakeAws();
  wazuh = createWazuhDir();
  env = {
    AWS_ENDPOINT_URL: aws.url,
    AWS_ACCESS_KEY_ID: 'AKIAINSTALLTEST00000',
    AWS_SECRET_ACCESS_KEY: 'install-test-secret',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(temp, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(temp, 'none'),
  };
  // The Python wodle as Wazuh ships it, and a state DB written by a previous run.
  const awsDir = wazuh.wodleDir;
  writeFileSync(join(awsDir, 'aws-s3'), PYTHON_LAUNCHER);
  chmodSync(join(awsDir, 'aws-s3'), 0o750);
  writeFileSync(join(awsDir, 'aws_s3.py'), 'print("python")\n');
  mkdirSync(join(awsDir, 'buckets_s3'));
  writeFileSync(join(awsDir, 'buckets_s3', 'cloudtrail.py'), '# python\n');
  aws.s3.putObject(BUCKET, trailKey('09', 'first'), trailFile('CreateUser'));
  receiver = await startDatagramReceiver({ path: wazuh.socketPath });
  const first = await runCli(['--bucket', BUCKET, '--only_logs_after', '2025-MAR-01'], {
    cliPath: DEFAULT_CLI_PATH,
    env: { ...env, WAZUH_PATH: wazuh.root },
  });
  expect(first.code).toBe(0);
  await receiver.waitFor(1);
}, 300_000);

afterAll(async () => {
  await receiver?.close();
  await aws?.close();
  wazuh?.cleanup();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('wazuh-install.mjs', () => {
  it('bundles the CLI with production dependencies and built native addons', () => {
    expect(existsSync(join(bundle, 'dist', 'cli.js'))).toBe(true);
    expect(existsSync(join(bundle, 'node_modules', '@wazuh-aws', 'core', 'dist'))).toBe(true);
    const sqlite = execFileSync(
      process.execPath,
      [
        '-e',
        "require('better-sqlite3')(':memory:').prepare('select 1 as x').get().x === 1 || process.exit(1)",
      ],
      { cwd: bundle },
    );
    expect(sqlite.toString()).toBe('');
    expect(existsSync(join(bundle, 'node_modules', 'vitest'))).toBe(false);
  });

  it('installs into wodles/aws, moves the Python files aside and keeps the state DB in place', async () => {
    const awsDir = wazuh.wodleDir;
    const dbInode = statSync(join(awsDir, 's3_cloudtrail.db')).ino;
    const { stderr } = await script('install', wazuh.root, '--bundle', bundle);
    expect(stderr).toContain('check: usage: aws-s3 [options]');
    expect(readFileSync(join(awsDir, 'python-backup', 'aws-s3'), 'utf8')).toBe(PYTHON_LAUNCHER);
    expect(existsSync(join(awsDir, 'python-backup', 'aws_s3.py'))).toBe(true);
    expect(existsSync(join(awsDir, 'python-backup', 'buckets_s3', 'cloudtrail.py'))).toBe(true);
    expect(existsSync(join(awsDir, 'aws_s3.py'))).toBe(false);
    expect(statSync(join(awsDir, 's3_cloudtrail.db')).ino).toBe(dbInode);
    expect(statSync(join(awsDir, 'aws-s3')).mode & 0o777).toBe(0o750);
    expect(readFileSync(join(awsDir, 'aws-s3'), 'utf8')).toContain('# wazuh-aws launcher');
  });

  it('runs through the launcher: --help, then only new files thanks to the existing state DB', async () => {
    const launcher = join(wazuh.wodleDir, 'aws-s3');
    const help = await exec(launcher, ['--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/^usage: aws-s3 \[options\]/);
    expect(help.stdout).toContain('Exit codes:');

    aws.s3.putObject(BUCKET, trailKey('10', 'second'), trailFile('DeleteUser'));
    const before = receiver.count;
    // No WAZUH_PATH: the Wazuh home comes from where the launcher is installed, as under modulesd.
    const run = await exec(launcher, ['--bucket', BUCKET, '--only_logs_after', '2025-MAR-01'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: temp, ...env },
    });
    expect(run.stdout).toBe('');
    await receiver.waitFor(before + 1);
    const sent = receiver.messages.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^1:Wazuh-AWS:\{.*"eventName": "DeleteUser"/);
  });

  it('re-installs over itself without touching the backup', async () => {
    await script('install', wazuh.root, '--bundle', bundle);
    expect(readFileSync(join(wazuh.wodleDir, 'python-backup', 'aws-s3'), 'utf8')).toBe(PYTHON_LAUNCHER);
    expect(readdir(wazuh.wodleDir)).toEqual([
      'aws-s3',
      'python-backup',
      's3_cloudtrail.db',
      's3_cloudtrail.db.lock',
      'wazuh-aws',
    ]);
  });

  it('uninstalls: the Python files come back, the state DB stays', async () => {
    await script('uninstall', wazuh.root);
    const awsDir = wazuh.wodleDir;
    expect(readFileSync(join(awsDir, 'aws-s3'), 'utf8')).toBe(PYTHON_LAUNCHER);
    expect(readdir(awsDir)).toEqual([
      'aws-s3',
      'aws_s3.py',
      'buckets_s3',
      's3_cloudtrail.db',
      's3_cloudtrail.db.lock',
    ]);
    const again = await script('uninstall', wazuh.root).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(again).toMatchObject({ code: 2 });
  });

  it('refuses a directory that is not a Wazuh installation', async () => {
    const failure = await script('install', temp, '--bundle', bundle).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain(`is ${temp} a Wazuh installation?`);
  });
});

function readdir(dir: string): string[] {
  return execFileSync('ls', ['-A', dir], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
}

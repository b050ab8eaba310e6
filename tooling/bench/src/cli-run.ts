import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CLI_PATH } from './testkit.js';

export interface CliRun {
  code: number | null;
  seconds: number;
  /** Peak resident set size of the CLI process (getrusage maxrss via GNU time), in bytes. */
  peakRss: number;
  stderr: string;
  stdout: string;
}

export interface CliRunOptions {
  args: readonly string[];
  wazuhPath: string;
  endpoint: string;
  env?: Record<string, string>;
  /** Extra node flags (e.g. `--cpu-prof`). */
  nodeFlags?: readonly string[];
  timeoutMs?: number;
}

/** Runs the built CLI once under GNU time, against the fake AWS endpoint, and measures it. */
export async function runCliMeasured(options: CliRunOptions): Promise<CliRun> {
  const home = mkdtempSync(join(tmpdir(), 'wazuh-aws-bench-home-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(
    join(home, '.aws', 'credentials'),
    '[default]\naws_access_key_id = AKIABENCH\naws_secret_access_key = bench\n',
  );
  const timeFile = join(home, 'time.txt');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    WAZUH_PATH: options.wazuhPath,
    AWS_ENDPOINT_URL: options.endpoint,
    AWS_ACCESS_KEY_ID: 'AKIABENCH',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...options.env,
  };
  const started = performance.now();
  const child = spawn(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      '-o',
      timeFile,
      process.execPath,
      ...(options.nodeFlags ?? []),
      DEFAULT_CLI_PATH,
      ...options.args,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (c: Buffer) => out.push(c));
  child.stderr?.on('data', (c: Buffer) => err.push(c));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  const seconds = (performance.now() - started) / 1000;
  let peakRss = Number.NaN;
  try {
    peakRss = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) * 1024;
  } catch {}
  rmSync(home, { recursive: true, force: true });
  return {
    code,
    seconds,
    peakRss,
    stdout: Buffer.concat(out).toString(),
    stderr: Buffer.concat(err).toString(),
  };
}

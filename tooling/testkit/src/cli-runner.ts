import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's location (tooling/testkit/src). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The built CLI the end-to-end tests run. */
export const DEFAULT_CLI_PATH = join(REPO_ROOT, 'apps', 'wodle', 'dist', 'cli.js');

/** Options of {@link runCli} and {@link spawnCli}. */
export interface RunCliOptions {
  /** The child's whole environment besides `PATH` and `HOME` (which these may override). */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Kill the child (SIGKILL) after this long. @default 60000 */
  timeoutMs?: number;
  /** @default apps/wodle/dist/cli.js */
  cliPath?: string;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
}

/** What a finished CLI run produced. */
export interface CliResult {
  /** Exit status; `null` when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Whether the run was killed by the timeout. */
  timedOut: boolean;
}

/** The clean environment a run gets: only `PATH`, `HOME` and what the caller passes. */
export function cliEnvironment(env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const base: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
  return Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Starts `node <cli> ...args` and returns the child, for tests that signal or kill it. */
export function spawnCli(args: readonly string[], options: RunCliOptions = {}): ChildProcess {
  const child = spawn(process.execPath, [options.cliPath ?? DEFAULT_CLI_PATH, ...args], {
    cwd: options.cwd,
    env: cliEnvironment(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (options.input !== undefined) child.stdin?.end(options.input);
  else child.stdin?.end();
  return child;
}

/**
 * Runs the built CLI to completion and collects its output.
 *
 * @example
 * const { code, stdout } = await runCli(['--bucket', 'b', '--type', 'cloudtrail'], { env: { WAZUH_PATH: dir } });
 */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnCli(args, options);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
      });
    });
  });
}

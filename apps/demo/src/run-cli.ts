import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** How a CLI run ended and what it printed. */
export interface CliOutcome {
  code: number | null;
  /** stdout lines: modulesd's protocol (`ERROR:`, `WARNING:`, `DEBUG:` lines). */
  stdout: string[];
  /** stderr lines: the `--summary` text. */
  stderr: string[];
  durationMs: number;
}

/** Runs `node <cli> ...args` with exactly `env`, handing each stdout line to `onLine` as it comes. */
export function runCliProcess(
  cliPath: string,
  args: readonly string[],
  env: Record<string, string>,
  onLine: (line: string) => void = () => {},
): Promise<CliOutcome> {
  const started = Date.now();
  const child = spawn(process.execPath, [cliPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    stdout.push(line);
    onLine(line);
  });
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr, durationMs: Date.now() - started }));
  });
}

import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnvironment, REPO_ROOT, runCli, spawnCli } from './cli-runner.js';

let dir: string;
let script: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-runner-'));
  script = join(dir, 'fake-cli.mjs');
  // A stand-in CLI: echoes its arguments and environment, exits with the code it is asked for.
  await writeFile(
    script,
    `const [mode, arg] = process.argv.slice(2);
if (mode === 'hang') setInterval(() => {}, 1000);
else {
  process.stdout.write(JSON.stringify({ args: process.argv.slice(2), env: process.env, cwd: process.cwd() }));
  process.stderr.write('err line\\n');
  process.exitCode = Number(arg ?? 0);
}
`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runCli', () => {
  it('finds the repository root', () => {
    expect(existsSync(join(REPO_ROOT, 'pnpm-workspace.yaml'))).toBe(true);
  });

  it('runs with a clean environment and collects output and exit code', async () => {
    process.env.LEAK_CHECK = 'should-not-pass';
    const result = await runCli(['exit', '7'], { cliPath: script, env: { WAZUH_PATH: '/w' }, cwd: dir });
    delete process.env.LEAK_CHECK;
    expect(result.code).toBe(7);
    expect(result.signal).toBeNull();
    expect(result.stderr).toBe('err line\n');
    const seen = JSON.parse(result.stdout) as { args: string[]; env: Record<string, string>; cwd: string };
    expect(seen.args).toEqual(['exit', '7']);
    expect(seen.env.WAZUH_PATH).toBe('/w');
    expect(seen.env.LEAK_CHECK).toBeUndefined();
    expect(seen.env.PATH).toBe(process.env.PATH);
    expect(seen.cwd).toBe(dir);
  });

  it('kills a run that exceeds its timeout', async () => {
    const result = await runCli(['hang'], { cliPath: script, timeoutMs: 300 });
    expect(result).toMatchObject({ code: null, signal: 'SIGKILL', timedOut: true });
  });

  it('spawns a child that can be signalled', async () => {
    const child = spawnCli(['hang'], { cliPath: script });
    const closed = new Promise<[number | null, string | null]>((resolve) =>
      child.once('close', (code, signal) => resolve([code, signal])),
    );
    child.kill('SIGTERM');
    expect(await closed).toEqual([null, 'SIGTERM']);
  });

  it('lets callers drop PATH/HOME by passing undefined', () => {
    expect(cliEnvironment({ HOME: undefined, A: '1' })).toEqual({ PATH: process.env.PATH, A: '1' });
  });
});

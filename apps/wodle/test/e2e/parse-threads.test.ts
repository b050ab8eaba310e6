// Parse workers change where bucket files are parsed, never what is sent: every bucket scenario of
// the corpus (errors and skips included) gives the same datagrams in the same order, the same
// stdout at debug level 3, the same exit codes and the same state rows with and without them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireBuiltCli } from './helpers/cli.js';
import { corpus, type E2e, startE2e } from './helpers/e2e.js';

interface RunTrace {
  code: number | null;
  raw: string[];
  stdout: string[];
  rows: Array<Record<string, unknown>>;
}

/** Bucket-mode scenarios: only S3 steps and runs with `--bucket`. */
const BUCKET_SCENARIOS = corpus.manifest.scenarios.filter((name) => {
  const steps = corpus.scenario(name).steps;
  return (
    steps.every((s) => s.op === 's3' || s.op === 'run') &&
    steps.some((s) => s.op === 'run' && s.args.includes('--bucket'))
  );
});

const tableOf = (args: readonly string[]) => {
  const type = args[args.indexOf('--type') + 1] ?? '';
  return ['alb', 'clb', 'nlb'].includes(type) ? `${type}_table` : type;
};

describe('--parse-threads: the same output with and without parse workers', () => {
  requireBuiltCli();
  let worlds: E2e[] = [];
  beforeEach(() => {
    worlds = [];
  });
  afterEach(async () => {
    await Promise.all(worlds.map((w) => w.close()));
  });

  async function replay(name: string, threads: number): Promise<RunTrace[]> {
    const e2e = await startE2e();
    worlds.push(e2e);
    const traces: RunTrace[] = [];
    for (const step of corpus.scenario(name).steps) {
      if (step.op !== 'run') {
        if (step.op === 's3') e2e.world.apply(step);
        continue;
      }
      const args = [...step.args, '--parse-threads', String(threads), '-d', '3'];
      const run = await e2e.run(args, { ...(step.receiver ? { receiver: step.receiver } : {}) });
      traces.push({
        code: run.code,
        raw: run.raw,
        // The Args line names the flag's value; the throwaway Wazuh dirs differ between worlds.
        // Stack traces (debug lines of a fatal error) show the thread that parsed.
        stdout: run.stdoutLines
          .filter((line) => !line.startsWith('DEBUG:     at '))
          .map((line) =>
            line.replaceAll(e2e.world.wazuh.root, '<wazuh>').replace(/'--parse-threads', '\d'/, '<threads>'),
          ),
        rows: e2e.rows('s3_cloudtrail.db', tableOf(step.args)).map(({ processed_date, ...row }) => row),
      });
    }
    return traces;
  }

  it('covers the bucket scenarios of the corpus', () => {
    expect(BUCKET_SCENARIOS.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of BUCKET_SCENARIOS) {
    it(name, async () => {
      const inline = await replay(name, 0);
      const threaded = await replay(name, 2);
      expect(inline.some((t) => t.raw.length > 0 || t.code !== 0)).toBe(true);
      expect(threaded).toEqual(inline);
    });
  }
});

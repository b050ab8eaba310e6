// CloudWatch Logs read ahead through the real CLI: --concurrency 1 and 8 give the same datagrams,
// the same `-d 2` lines and the same rows, over three regions × three groups × streams of 0–3 pages,
// while the next region's first stream listing is fetched before the current region is done.
import type { LogsFixture } from '@wazuh-aws/testkit';
import { describe, expect, it } from 'vitest';
import { requireBuiltCli } from './helpers/cli.js';
import { startE2e } from './helpers/e2e.js';

const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2'];
const GROUPS = ['/app/api', '/app/web', '/app/jobs'];
const SIZES = [7, 0, 12, 1, 5];
const T0 = Date.UTC(2025, 2, 9);

function fixture(): LogsFixture {
  return Object.fromEntries(
    REGIONS.map((region, r) => [
      region,
      Object.fromEntries(
        GROUPS.map((group, g) => [
          group,
          Object.fromEntries(
            SIZES.map((size, s) => [
              `stream-${s}`,
              Array.from({ length: size }, (_, e) => ({
                timestamp: T0 + 1000 * (r * 1000 + g * 100 + s * 10 + e) + 7,
                message:
                  e % 3
                    ? `${region} ${group} stream-${s} line ${e}`
                    : `{"r": ${r}, "g": ${g}, "s": ${s}, "e": ${e}}`,
              })),
            ]),
          ),
        ]),
      ),
    ]),
  );
}

async function runWith(concurrency: number) {
  const e2e = await startE2e();
  try {
    e2e.world.logs.load(fixture());
    const run = await e2e.run([
      '--service',
      'cloudwatchlogs',
      '--aws_log_groups',
      GROUPS.join(','),
      '--regions',
      REGIONS.join(','),
      '--only_logs_after',
      '2025-MAR-09',
      '--concurrency',
      String(concurrency),
      '-d',
      '2',
    ]);
    return {
      code: run.code,
      raw: run.raw,
      // The echo of the command line names the --concurrency value; every other line must match.
      lines: run.stdoutLines.filter((line) => !line.startsWith('DEBUG: Args: ')),
      rows: e2e.rows('aws_services.db', 'cloudwatch_logs'),
      calls: e2e.world.logs.calls.map((c) => ({ ...c })),
    };
  } finally {
    await e2e.close();
  }
}

describe('cloudwatchlogs --concurrency', () => {
  requireBuiltCli();

  it('sends, logs and saves the same with 1 and 8 calls in flight', async () => {
    const one = await runWith(1);
    expect(one.code).toBe(0);
    expect(one.raw).toHaveLength(REGIONS.length * GROUPS.length * (7 + 12 + 1 + 5));
    expect(one.rows).toHaveLength(REGIONS.length * GROUPS.length * SIZES.length);
    const eight = await runWith(8);
    expect(eight.code).toBe(0);
    expect(eight.raw).toEqual(one.raw);
    expect(eight.lines).toEqual(one.lines);
    expect(eight.rows).toEqual(one.rows);
    for (const [k, region] of REGIONS.slice(0, -1).entries()) {
      const nextListing = eight.calls.findIndex(
        (c) => c.region === REGIONS[k + 1] && c.operation === 'DescribeLogStreams',
      );
      const lastRead = eight.calls.findLastIndex(
        (c) => c.region === region && c.operation === 'GetLogEvents',
      );
      expect(nextListing).toBeGreaterThan(-1);
      expect(nextListing).toBeLessThan(lastRead);
    }
  });
});

// Read-ahead across regions against the fake CloudWatch Logs over HTTP, the real service engine and
// SQLite: while a region is collected the next region's first stream listing is fetched, yet the
// datagrams, debug lines and rows are those of a strictly sequential run, and a region's rows are
// touched only at its turn.
import { InterruptedError, isWazuhAwsError } from '@wazuh-aws/core';
import { runService } from '@wazuh-aws/core/engine';
import { createHarness, type Harness, type RunRecord } from '@wazuh-aws/plugin-testkit';
import {
  createFakeLogs,
  type FakeAws,
  type FakeLogs,
  type LogsFixture,
  startFakeAws,
} from '@wazuh-aws/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cloudwatchlogs, createCloudWatchLogsPlugin } from '../src/index.js';

const OLA = '20250309';
const T0 = Date.UTC(2025, 2, 9);
const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2'];
const GROUPS = ['/app/a', '/app/b'];
// Events per stream, pages of 4; the fake lists 2 streams a page, so each listing has 2 pages.
const SIZES = [5, 0, 9, 2];
const PER_REGION = GROUPS.length * (5 + 9 + 2);

/** regions × groups × streams, every message unique; `without` leaves a group out of a region. */
function fixture(without?: { region: string; group: string }): LogsFixture {
  return Object.fromEntries(
    REGIONS.map((region, r) => [
      region,
      Object.fromEntries(
        GROUPS.filter((group) => without?.region !== region || without.group !== group).map((group, g) => [
          group,
          Object.fromEntries(
            SIZES.map((size, s) => [
              `s${s}`,
              Array.from({ length: size }, (_, e) => ({
                timestamp: T0 + 1000 * (r * 1000 + g * 100 + s * 10 + e) + 3,
                message:
                  e % 2
                    ? `{"r": "${region}", "g": "${group}", "s": ${s}, "e": ${e}}`
                    : `${region} ${group} s${s} #${e}`,
              })),
            ]),
          ),
        ]),
      ),
    ]),
  );
}

let server: FakeAws;
let logs: FakeLogs;
let harness: Harness;
/** Runs before the fake serves a CloudWatch Logs call (may hold it open). */
let beforeServe: ((op: string, region: string) => Promise<void> | void) | undefined;

beforeAll(async () => {
  server = await startFakeAws();
  server.registerJsonTarget('Logs_20140328', async (op, input, req) => {
    await beforeServe?.(op, req.region);
    return logs.handle(op, input, req);
  });
});
afterAll(() => server.close());
beforeEach(() => {
  logs = createFakeLogs();
  logs.load(fixture());
  harness = createHarness(server.url);
  beforeServe = undefined;
});
afterEach(() => harness.cleanup());

const sequential = createCloudWatchLogsPlugin({ readAheadPages: 0 });

function context(concurrency: number, options: Parameters<Harness['context']>[0] = {}): RunRecord {
  const record = harness.context({ onlyLogsAfter: OLA, level: 2, ...options });
  record.context.options.concurrency = concurrency;
  return record;
}

async function run(plugin: typeof cloudwatchlogs, concurrency: number) {
  const record = context(concurrency);
  const error = await runService(plugin, record.context, { regions: REGIONS, logGroups: GROUPS }).then(
    () => undefined,
    (e: unknown) => e,
  );
  const exit = error === undefined ? 0 : isWazuhAwsError(error) ? error.exitCode : error;
  return { ...record, exit, rows: harness.rows('cloudwatch_logs'), calls: callsText() };
}

/** Every AWS call as text, sorted: the same multiset means nothing was fetched twice or for nothing. */
const callsText = () => logs.calls.map((c) => JSON.stringify([c.region, c.operation, c.input])).sort();

/** Runs `plugin` on a fresh database, as a new wodle run would. */
async function fresh(plugin: typeof cloudwatchlogs, concurrency: number) {
  harness.cleanup();
  harness = createHarness(server.url);
  logs.calls.length = 0;
  return run(plugin, concurrency);
}

describe('read-ahead across regions keeps the sequential output', () => {
  it('the same datagrams, -d 2 lines, rows and calls with --concurrency 1 and 8 as without read-ahead', async () => {
    const baseline = await run(sequential, 1);
    expect(baseline.exit).toBe(0);
    expect(baseline.messages).toHaveLength(REGIONS.length * PER_REGION);
    expect(baseline.rows).toHaveLength(REGIONS.length * GROUPS.length * SIZES.length);
    for (const concurrency of [1, 8]) {
      const ahead = await fresh(cloudwatchlogs, concurrency);
      expect(ahead.exit).toBe(0);
      expect(ahead.messages).toEqual(baseline.messages);
      expect(ahead.lines).toEqual(baseline.lines);
      expect(ahead.rows).toEqual(baseline.rows);
      expect(ahead.calls).toEqual(baseline.calls);
    }
  });

  it("lists the next region's first group before the current region's last GetLogEvents", async () => {
    await run(cloudwatchlogs, 4);
    const order = logs.calls.map((c) => `${c.region} ${c.operation}`);
    for (const [k, region] of REGIONS.slice(0, -1).entries()) {
      const next = REGIONS[k + 1]!;
      const firstListing = logs.calls.findIndex(
        (c) =>
          c.region === next && c.operation === 'DescribeLogStreams' && c.input.logGroupName === GROUPS[0],
      );
      expect(firstListing).toBeGreaterThan(-1);
      expect(firstListing).toBeLessThan(order.lastIndexOf(`${region} GetLogEvents`));
    }
  });

  it('a region without the first log group gives the same ERROR line, output and exit 16', async () => {
    logs = createFakeLogs();
    logs.load(fixture({ region: REGIONS[1]!, group: GROUPS[0]! }));
    const baseline = await fresh(sequential, 1);
    expect(baseline.exit).toBe(16);
    expect(baseline.lines).toContain(
      `ERROR: The specified "${GROUPS[0]}" log group does not exist or insufficient privileges to access it.`,
    );
    for (const concurrency of [1, 8]) {
      const ahead = await fresh(cloudwatchlogs, concurrency);
      expect(ahead.exit).toBe(16);
      expect(ahead.messages).toEqual(baseline.messages);
      expect(ahead.lines).toEqual(baseline.lines);
      expect(ahead.rows).toEqual(baseline.rows);
    }
  });
});

describe('an interruption in a region while the next one is read ahead', () => {
  it('leaves no row for the next region, no unhandled rejection, and the rerun completes the rest', async () => {
    const baseline = await run(sequential, 1);
    harness.cleanup();
    harness = createHarness(server.url);

    const controller = new AbortController();
    // The next region's listing is held open by the fake until the run was interrupted.
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let heldAt: number | undefined;
    const first = context(8, {
      signal: controller.signal,
      onSend: (n) => {
        if (n === 10) {
          controller.abort('SIGINT');
          release();
        }
      },
    });
    beforeServe = (op, region) => {
      if (op !== 'DescribeLogStreams' || region !== REGIONS[1]) return;
      heldAt ??= first.messages.length;
      return released;
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const error = await runService(cloudwatchlogs, first.context, {
        regions: REGIONS,
        logGroups: GROUPS,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InterruptedError);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
      release();
      beforeServe = undefined;
    }
    expect(unhandled).toEqual([]);
    // The next region's listing was asked for while the first region was being sent.
    expect(heldAt).toBeDefined();
    expect(heldAt!).toBeLessThan(10);
    // Stopped at the next page boundary, still in the first region.
    expect(first.messages.length).toBeLessThan(PER_REGION);
    const rows = harness.rows('cloudwatch_logs') as string[][];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every(([region]) => region === REGIONS[0])).toBe(true);

    const rest = context(8);
    await runService(cloudwatchlogs, rest.context, { regions: REGIONS, logGroups: GROUPS });
    expect([...first.messages, ...rest.messages]).toEqual(baseline.messages);
    expect(harness.rows('cloudwatch_logs')).toEqual(baseline.rows);
  });
});

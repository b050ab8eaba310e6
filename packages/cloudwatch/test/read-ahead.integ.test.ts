// Read-ahead against the fake CloudWatch Logs over HTTP, the real service engine and SQLite: the
// same datagrams, debug lines, rows and AWS calls as a strictly sequential run, with calls that
// really overlap but never beyond --concurrency, and an interruption that saves only what was sent.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { InterruptedError } from '@wazuh-aws/core';
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
const GROUPS = ['/app/a', '/app/b', '/app/c'];
// Events per stream: pages of 4, so 1 to 3 pages each, plus one stream with nothing to send.
const SIZES = [9, 1, 6, 0, 12];

/** groups × streams × pages, every message unique (`/app/b s2 #3`). */
function fixture(): LogsFixture {
  const groups: LogsFixture[string] = {};
  GROUPS.forEach((group, g) => {
    const streams: Record<string, Array<{ timestamp: number; message: string }>> = {};
    SIZES.forEach((size, s) => {
      streams[`s${s}`] = Array.from({ length: size }, (_, e) => ({
        timestamp: T0 + 1000 * (g * 100 + s * 10 + e) + 1,
        message: e % 2 ? `{"group": "${group}", "stream": "s${s}", "n": ${e}}` : `${group} s${s} #${e}`,
      }));
    });
    groups[group] = streams;
  });
  return { 'us-east-1': groups };
}

let server: FakeAws;
let logs: FakeLogs;
let harness: Harness;

beforeAll(async () => {
  server = await startFakeAws();
  server.registerJsonTarget('Logs_20140328', (op, input, req) => logs.handle(op, input, req));
});
afterAll(() => server.close());
beforeEach(() => {
  logs = createFakeLogs();
  logs.load(fixture());
  harness = createHarness(server.url);
});
afterEach(() => harness.cleanup());

const sequential = createCloudWatchLogsPlugin({ readAheadPages: 0 });

function context(concurrency: number, options: Parameters<Harness['context']>[0] = {}): RunRecord {
  const record = harness.context({ onlyLogsAfter: OLA, ...options });
  record.context.options.concurrency = concurrency;
  return record;
}

async function run(plugin: typeof cloudwatchlogs, concurrency: number) {
  const record = context(concurrency);
  await runService(plugin, record.context, { regions: ['us-east-1'], logGroups: GROUPS });
  return { ...record, rows: harness.rows('cloudwatch_logs'), calls: callsText() };
}

/** Every AWS call as text, sorted: the same multiset means nothing was fetched twice or for nothing. */
const callsText = () => logs.calls.map((c) => JSON.stringify([c.operation, c.input])).sort();

describe('read-ahead keeps the sequential output', () => {
  it('the same datagrams, debug lines, rows and calls with --concurrency 1 and 8 as without read-ahead', async () => {
    const baseline = await run(sequential, 1);
    expect(baseline.messages).toHaveLength(3 * (9 + 1 + 6 + 12));
    for (const concurrency of [1, 8]) {
      harness.cleanup();
      harness = createHarness(server.url);
      logs.calls.length = 0;
      const ahead = await run(cloudwatchlogs, concurrency);
      expect(ahead.messages).toEqual(baseline.messages);
      expect(ahead.lines).toEqual(baseline.lines);
      expect(ahead.rows).toEqual(baseline.rows);
      expect(ahead.calls).toEqual(baseline.calls);
    }
  });

  it('reads the next group listing and the next streams while a stream is being sent', async () => {
    await run(cloudwatchlogs, 4);
    const order = logs.calls.map((c) => `${c.operation} ${String(c.input.logGroupName)}`);
    // The listing of /app/b is asked for before the last page of /app/a was.
    expect(order.indexOf('DescribeLogStreams /app/b')).toBeLessThan(order.lastIndexOf('GetLogEvents /app/a'));
  });
});

describe('read-ahead bounds', () => {
  it('GetLogEvents calls overlap, never more than --concurrency at once', async () => {
    let inFlight = 0;
    let most = 0;
    const stop = server.onRequest(async ({ op }) => {
      if (op !== 'GetLogEvents') return;
      inFlight++;
      most = Math.max(most, inFlight);
      // A slow endpoint, so that calls started together are still open when the next arrives.
      await new Promise((resolve) => setTimeout(resolve, 15));
      inFlight--;
    });
    try {
      const { messages } = await run(cloudwatchlogs, 3);
      expect(messages).toHaveLength(3 * 28);
    } finally {
      stop();
    }
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(3);
  });
});

describe('an interruption while pages are read ahead', () => {
  it('saves only what was sent, leaves no rejection unhandled, and the rerun completes the rest', async () => {
    const baseline = await run(sequential, 1);
    harness.cleanup();
    harness = createHarness(server.url);

    const controller = new AbortController();
    const record = context(8, {
      signal: controller.signal,
      onSend: (n) => n === 40 && controller.abort('SIGINT'),
    });
    // Every SDK call the run starts, so the test can wait for read-ahead calls to settle.
    const calls: Array<Promise<unknown>> = [];
    const factory = record.context.aws;
    record.context.aws = {
      ...factory,
      async create(Client, request) {
        const client = (await factory.create(Client, request)) as CloudWatchLogsClient;
        const send = client.send.bind(client) as (...args: unknown[]) => Promise<unknown>;
        Object.assign(client, {
          send: (...args: unknown[]) => {
            const call = send(...args);
            calls.push(call);
            return call;
          },
        });
        return client as never;
      },
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const error = await runService(cloudwatchlogs, record.context, {
        regions: ['us-east-1'],
        logGroups: GROUPS,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InterruptedError);
      await Promise.allSettled(calls);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);

    // Rows only for streams up to the one being sent, each covering only events that were sent.
    const sent = new Set(record.messages);
    const events = fixture()['us-east-1']!;
    const order = GROUPS.flatMap((group) => SIZES.map((_, s) => `${group} s${s}`));
    const last = record.messages.at(-1)!;
    const current = order.findIndex((key) => {
      const [group, stream] = key.split(' ') as [string, string];
      return events[group]![stream]!.some((e) => `1:Wazuh-AWS:${e.message}` === last);
    });
    const rows = harness.rows('cloudwatch_logs') as Array<[string, string, string, string, number, number]>;
    expect(rows.length).toBeGreaterThan(0);
    for (const [, group, stream, , , end] of rows) {
      expect(order.indexOf(`${group} ${stream}`)).toBeLessThanOrEqual(current);
      for (const e of events[group]![stream]!.filter((x) => x.timestamp <= end))
        expect(sent.has(`1:Wazuh-AWS:${e.message}`)).toBe(true);
    }

    const rest = context(8);
    await runService(cloudwatchlogs, rest.context, { regions: ['us-east-1'], logGroups: GROUPS });
    expect([...record.messages, ...rest.messages]).toEqual(baseline.messages);
    expect(harness.rows('cloudwatch_logs')).toEqual(baseline.rows);
  });
});

import { readFileSync } from 'node:fs';
import { InterruptedError, isWazuhAwsError } from '@wazuh-aws/core';
import { runService } from '@wazuh-aws/core/engine';
import { createWazuhSocketSink } from '@wazuh-aws/core/sender';
import { createHarness, type Harness, readExpectedDb, readExpectedMessages } from '@wazuh-aws/plugin-testkit';
import {
  createFakeLogs,
  type FakeAws,
  type FakeLogs,
  type LogsFixture,
  startDatagramReceiver,
  startFakeAws,
} from '@wazuh-aws/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cloudwatchlogs, createCloudWatchLogsPlugin } from '../src/index.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const base = JSON.parse(readFileSync(fixture('cloudwatch-base.json'), 'utf8')) as LogsFixture;
const batch2 = JSON.parse(readFileSync(fixture('cloudwatch-batch2.json'), 'utf8')) as LogsFixture;
const GROUPS = ['/aws/lambda/payments-api', '/ecs/web-frontend', 'CloudTrail/DefaultLogGroup'];
const OLA = '20250309';

let logs: FakeLogs;
let server: FakeAws;
let harness: Harness;
let handler: FakeLogs['handle'];

beforeAll(async () => {
  server = await startFakeAws();
  server.registerJsonTarget('Logs_20140328', (op, input, req) => handler(op, input, req));
});
afterAll(() => server.close());
beforeEach(() => {
  logs = createFakeLogs();
  logs.load(base);
  handler = logs.handle;
  harness = createHarness(server.url);
});
afterEach(() => {
  harness.cleanup();
  server.faults.clear();
});

async function run(options: Parameters<Harness['context']>[0] = {}, groups = GROUPS, extra = {}) {
  const record = harness.context({ onlyLogsAfter: OLA, ...options });
  await runService(cloudwatchlogs, record.context, { regions: ['us-east-1'], logGroups: groups, ...extra });
  return record;
}

const expectedRows = (scenario: string, runIndex: number) =>
  readExpectedDb(fixture(`${scenario}/db.json`))[runIndex]?.cloudwatch_logs;
const expectedMessages = (scenario: string, runNumber: number) =>
  readExpectedMessages(fixture(`${scenario}/messages.jsonl`)).filter((m) => m.run === runNumber);

describe('CloudWatch Logs against the corpus', () => {
  it('first run: every event after only_logs_after, raw, in stream order; one row per stream', async () => {
    const { messages } = await run();
    const expected = expectedMessages('cloudwatch-first-run', 1);
    expect(messages).toEqual(expected.map((m) => m.msg));
    expect(messages.map((m) => Buffer.byteLength(m))).toEqual(expected.map((m) => m.len));
    const table = expectedRows('cloudwatch-first-run', 0)!;
    expect(harness.columns('cloudwatch_logs')).toEqual(table.columns);
    expect(harness.rows('cloudwatch_logs')).toEqual(table.rows);
  });

  it('second run: only the new events and the new stream; ends unchanged where nothing was read (S12)', async () => {
    await run();
    logs.load(batch2);
    const { messages } = await run();
    expect(messages).toEqual(expectedMessages('cloudwatch-second-run', 2).map((m) => m.msg));
    expect(harness.rows('cloudwatch_logs')).toEqual(expectedRows('cloudwatch-second-run', 1)!.rows);
  });

  it('--remove-log-streams deletes each stream after saving it, and the purge drops its row', async () => {
    const { messages } = await run({}, ['/ecs/web-frontend'], { removeLogStreams: true });
    expect(messages).toEqual(expectedMessages('cloudwatch-remove-log-streams', 1).map((m) => m.msg));
    expect(logs.streams('us-east-1', '/ecs/web-frontend')).toEqual({});
    expect(harness.rows('cloudwatch_logs')).toEqual([]);
  });
});

describe('CloudWatch Logs through the Wazuh socket', () => {
  it('delivers the first run as datagrams on a real Unix socket', async () => {
    const receiver = await startDatagramReceiver({ path: harness.wazuh.socketPath });
    try {
      const record = harness.context({ onlyLogsAfter: OLA });
      const sink = createWazuhSocketSink({
        socketPath: harness.wazuh.socketPath,
        logger: record.context.logger,
      });
      record.context.sink = sink;
      await runService(cloudwatchlogs, record.context, { regions: ['us-east-1'], logGroups: GROUPS });
      await sink.close();
      const expected = expectedMessages('cloudwatch-first-run', 1).map((m) => m.msg);
      await receiver.waitFor(expected.length);
      expect(receiver.messages).toEqual(expected);
    } finally {
      await receiver.close();
    }
  });
});

describe('CloudWatch Logs state', () => {
  it('lists each group once per run (S5)', async () => {
    await run();
    const listings = logs.calls.filter((c) => c.operation === 'DescribeLogStreams' && !c.input.nextToken);
    expect(listings.map((c) => c.input.logGroupName)).toEqual(GROUPS);
  });

  it('reparse reads each stream once from only_logs_after (S10)', async () => {
    const first = await run();
    const again = await run({ reparse: true });
    expect(again.messages).toEqual(first.messages);
    expect(again.lines).toContain('DEBUG: Reparse mode ON');
    expect(harness.rows('cloudwatch_logs')).toEqual(expectedRows('cloudwatch-first-run', 0)!.rows);
  });

  it('a stream that grows between runs sends only the new events', async () => {
    await run(undefined, ['/ecs/web-frontend']);
    const stream = 'web/web-frontend/d356c4e415f3cfe48da86ab9d5bca936';
    logs.load({
      'us-east-1': { '/ecs/web-frontend': { [stream]: [{ timestamp: 1741700000000, message: 'late one' }] } },
    });
    const { messages } = await run(undefined, ['/ecs/web-frontend']);
    expect(messages).toEqual(['1:Wazuh-AWS:late one']);
    const row = harness.rows('cloudwatch_logs').find((r) => r[2] === stream)!;
    expect(row.slice(3)).toEqual([`f/${'5'.padStart(56, '0')}/s`, 1741478400000, 1741700000000]);
  });

  it('purges the row of a stream that no longer exists', async () => {
    await run();
    logs.deleteStream('us-east-1', '/ecs/web-frontend', 'web/web-frontend/35b700f5861df9bebc7d55dcc484443d');
    const { lines } = await run();
    expect(harness.rows('cloudwatch_logs').map((r) => r[2])).not.toContain(
      'web/web-frontend/35b700f5861df9bebc7d55dcc484443d',
    );
    expect(harness.rows('cloudwatch_logs')).toHaveLength(5);
    expect(lines).toContain(
      `DEBUG: Data for the following log streams will be removed from cloudwatch_logs: "{'web/web-frontend/35b700f5861df9bebc7d55dcc484443d'}"`,
    );
  });

  it('an interrupted run keeps what was sent; the rerun sends the rest and nothing twice', async () => {
    const controller = new AbortController();
    const first = harness.context({
      onlyLogsAfter: OLA,
      signal: controller.signal,
      onSend: (n) => n === 6 && controller.abort('SIGINT'),
    });
    const error = await runService(cloudwatchlogs, first.context, {
      regions: ['us-east-1'],
      logGroups: GROUPS,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    expect(first.messages.length).toBeGreaterThanOrEqual(6);
    expect(first.messages.length).toBeLessThan(41);
    const second = await run();
    const all = expectedMessages('cloudwatch-first-run', 1).map((m) => m.msg);
    expect([...first.messages, ...second.messages]).toEqual(all);
    expect(harness.rows('cloudwatch_logs')).toEqual(expectedRows('cloudwatch-first-run', 0)!.rows);
  });

  it('a rejected stored token is dropped and the stream is read by time (S9)', async () => {
    await run(undefined, ['CloudTrail/DefaultLogGroup']);
    logs.load({
      'us-east-1': {
        'CloudTrail/DefaultLogGroup': {
          '123456789012_CloudTrail_us-east-1': [{ timestamp: 1741700000000, message: '{"a": 1}' }],
        },
      },
    });
    logs.failNext('GetLogEvents', 'InvalidParameterException', 'The specified nextToken is invalid.');
    const { messages, lines } = await run(undefined, ['CloudTrail/DefaultLogGroup']);
    expect(messages).toEqual(['1:Wazuh-AWS:{"a": 1}']);
    expect(lines.some((l) => l.includes('The stored token for log stream'))).toBe(true);
  });
});

describe('CloudWatch Logs failures and filters', () => {
  it('a missing group is an ERROR line, the other groups are read, and the run exits 16 (S17)', async () => {
    const record = harness.context({ onlyLogsAfter: OLA });
    const error = await runService(cloudwatchlogs, record.context, {
      regions: ['us-east-1'],
      logGroups: ['/does/not/exist', 'CloudTrail/DefaultLogGroup'],
    }).catch((e: unknown) => e);
    expect(isWazuhAwsError(error) && error.exitCode).toBe(16);
    expect(isWazuhAwsError(error) && error.report).toBe(false);
    expect(record.lines).toContain(
      'ERROR: The specified "/does/not/exist" log group does not exist or insufficient privileges to access it.',
    );
    expect(record.lines.some((l) => l.includes('The specified log group does not exist.'))).toBe(true);
    expect(record.messages).toHaveLength(4);
  });

  it('a GetLogEvents error response exits 16 with the AWS text, keeping finished streams', async () => {
    logs.failNext('GetLogEvents', 'AccessDeniedException', 'not allowed', 400);
    const record = harness.context({ onlyLogsAfter: OLA });
    const error = await runService(cloudwatchlogs, record.context, {
      regions: ['us-east-1'],
      logGroups: GROUPS,
    }).catch((e: unknown) => e);
    expect(isWazuhAwsError(error) && error.exitCode).toBe(16);
    expect((error as Error).message).toBe(
      'The "get_log_events" request failed: An error occurred (AccessDeniedException) when calling the GetLogEvents operation: not allowed',
    );
  });

  it('discards JSON events by field and text events by pattern, reading past them (S11, S14, S16)', async () => {
    const group = 'CloudTrail/DefaultLogGroup';
    const { messages, lines } = await run({ discardField: 'eventName', discardRegex: '(Console|Update)' }, [
      group,
    ]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('"eventName":"AssumeRole"');
    expect(lines).toContain(
      'DEBUG: +++ The "(Console|Update)" regex found a match in the "eventName" field. The event will be skipped.',
    );
    expect(lines).toContain(
      'DEBUG: +++ The "(Console|Update)" regex did not find a match in the "eventName" field. The event will be processed.',
    );
    // The newest event was discarded, yet the stored range covers it (S11).
    expect(harness.rows('cloudwatch_logs')[0]?.slice(3)).toEqual(
      expectedRows('cloudwatch-first-run', 0)!.rows[5]!.slice(3),
    );

    const text = await run({ discardRegex: 'None' }, ['/ecs/web-frontend']);
    expect(text.messages.some((m) => m.startsWith('1:Wazuh-AWS:None'))).toBe(false);
    expect(text.lines).toContain('DEBUG: +++ The "None" regex found a match. The event will be skipped.');
  });

  it('without discard options no event is dropped and no discard line is printed (C16, S15)', async () => {
    const { messages, lines } = await run({}, ['/ecs/web-frontend']);
    expect(messages.some((m) => m.startsWith('1:Wazuh-AWS:None'))).toBe(true);
    expect(lines.some((l) => l.includes(' regex '))).toBe(false);
  });

  it('an unreachable endpoint while listing is an ERROR line; the group is skipped, nothing purged', async () => {
    await run(undefined, ['/ecs/web-frontend']);
    server.faults.add({ op: 'DescribeLogStreams', kind: 'reset', times: 100 });
    const record = await run(undefined, ['/ecs/web-frontend']);
    expect(record.lines.filter((l) => l.startsWith('ERROR: '))).toHaveLength(1);
    expect(record.messages).toEqual([]);
    expect(harness.rows('cloudwatch_logs')).toHaveLength(2);
  });

  it('GetLogEvents on an unreachable endpoint is retried a bounded number of times, then exit 16 (S3)', async () => {
    server.faults.add({ op: 'GetLogEvents', kind: 'reset', times: 100 });
    const plugin = createCloudWatchLogsPlugin({ endpointRetryDelaysMs: [0, 0] });
    const record = harness.context({ onlyLogsAfter: OLA });
    const error = await runService(plugin, record.context, {
      regions: ['us-east-1'],
      logGroups: GROUPS,
    }).catch((e: unknown) => e);
    expect(isWazuhAwsError(error) && error.exitCode).toBe(16);
    expect((error as Error).message).toMatch(/^The "get_log_events" request failed: /);
    const warnings = record.lines.filter((l) =>
      l.includes('the endpoint URL was not available. Attempting again.'),
    );
    expect(warnings).toHaveLength(2);
  });

  it('rejects a region CloudWatch Logs does not have before any work (exit 22)', async () => {
    const record = harness.context();
    const error = await runService(cloudwatchlogs, record.context, {
      regions: ['us-east-1', 'xx-fake-1'],
    }).catch((e: unknown) => e);
    expect(isWazuhAwsError(error) && [error.exitCode, error.message]).toEqual([
      22,
      "Invalid region 'xx-fake-1'",
    ]);
    expect(record.lines).toEqual([]);
  });
});

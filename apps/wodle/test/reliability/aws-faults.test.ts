// Faults from AWS, through the real CLI: transient ones (5xx, SlowDown, throttling, connection
// resets, bodies cut short, slow answers) are retried and the run completes with every event sent
// once; persistent ones end with the specified error text and exit code, leaving the state so that
// a later run sends exactly what is missing.
import type { FaultSpec } from '@wazuh-aws/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDelivery, settle } from './harness/crash.js';
import {
  cloudtrailScenario,
  cloudwatchScenario,
  inspectorScenario,
  type ModeScenario,
  sqsScenario,
} from './harness/scenarios.js';
import { startWorld, type World } from './harness/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const MANY = 1_000_000;

async function prepared(scenario: ModeScenario, faults: FaultSpec[], profile: string[] = []) {
  world = await startWorld({ profile });
  scenario.load(world);
  const added = faults.map((f) => world!.aws.faults.add(f));
  await world.startReceiver();
  return { w: world, added };
}

const noTrace = (output: string) => expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('transient faults are retried and the run completes, every event sent once', () => {
  const cases: Array<[string, ModeScenario, FaultSpec[]]> = [
    [
      'bucket (S3)',
      cloudtrailScenario(6, 20, []),
      [
        { op: 'ListObjectsV2', kind: 'status', code: 'SlowDown', times: 2 },
        { op: 'GetObject', kind: 'status', code: 'InternalError', times: 2 },
        { op: 'GetObject', kind: 'status', code: 'SlowDown', times: 1 },
        { op: 'GetObject', kind: 'reset', times: 2 },
        { op: 'GetObject', kind: 'truncate', times: 2 },
        { op: 'GetObject', kind: 'delay', delayMs: 1500, times: 2 },
      ],
    ],
    [
      'CloudWatch Logs',
      cloudwatchScenario(4, 10),
      [
        { op: 'DescribeLogStreams', kind: 'status', code: 'InternalFailure', times: 2 },
        { op: 'GetLogEvents', kind: 'status', code: 'ThrottlingException', times: 2 },
        { op: 'GetLogEvents', kind: 'reset', times: 1 },
        { op: 'GetLogEvents', kind: 'truncate', times: 1 },
        { op: 'GetLogEvents', kind: 'delay', delayMs: 1500, times: 1 },
      ],
    ],
    [
      'Inspector',
      inspectorScenario(10),
      [
        { op: 'ListFindings', kind: 'status', code: 'InternalServerException', status: 500, times: 2 },
        { op: 'ListFindings', kind: 'status', code: 'ThrottlingException', status: 429, times: 1 },
        { op: 'ListFindings', kind: 'reset', times: 1 },
        { op: 'ListFindings', kind: 'truncate', times: 1 },
      ],
    ],
    [
      'SQS subscriber',
      sqsScenario(4, 10, 1),
      [
        { op: 'ReceiveMessage', kind: 'status', code: 'InternalError', times: 2 },
        { op: 'ReceiveMessage', kind: 'reset', times: 1 },
        { op: 'GetObject', kind: 'status', code: 'SlowDown', times: 2 },
        { op: 'GetObject', kind: 'truncate', times: 1 },
        { op: 'DeleteMessageBatch', kind: 'status', code: 'InternalError', times: 1 },
      ],
    ],
  ];
  for (const [name, scenario, faults] of cases) {
    it(name, async () => {
      const { w, added } = await prepared(scenario, faults);
      const result = await w.run(scenario.args);
      expect(result.code, result.stdout).toBe(0);
      noTrace(result.stdout + result.stderr);
      await settle(w);
      const report = checkDelivery(scenario, [w.received()]);
      expect(report.missing).toEqual([]);
      expect(report.repeatedWithinRun).toEqual([]);
      expect(scenario.drained?.(w) ?? true).toBe(true);
      for (const fault of added) expect(fault.hits, `${fault.op} ${fault.kind}`).toBe(fault.times ?? 1);
    });
  }
});

describe('persistent faults end with the specified error and exit code; the next run sends what is missing', () => {
  // Three attempts instead of the default ten keep the backoff short.
  const profile = ['max_attempts = 3'];
  const failedFile = /_ct003\.json\.gz$/;
  const cases: Array<[string, ModeScenario, FaultSpec, number, RegExp]> = [
    [
      'S3 GetObject 500 on one file',
      cloudtrailScenario(6, 20, []),
      { op: 'GetObject', kind: 'status', code: 'InternalError', key: failedFile, times: MANY },
      1,
      /^ERROR: Unknown error reading\/parsing file AWSLogs\/.+_ct003\.json\.gz: ClientError\('An error occurred \(InternalError\) when calling the GetObject operation: .+'\)$/m,
    ],
    [
      'S3 body always cut short on one file',
      cloudtrailScenario(6, 20, []),
      { op: 'GetObject', kind: 'truncate', key: failedFile, times: MANY },
      1,
      /^ERROR: Unknown error reading\/parsing file AWSLogs\/.+_ct003\.json\.gz: /m,
    ],
    [
      'S3 listing throttled',
      cloudtrailScenario(6, 20, []),
      { op: 'ListObjectsV2', kind: 'status', code: 'ThrottlingException', times: MANY },
      16,
      /^ERROR: The '\w+' request was denied due to request throttling\. .+: An error occurred \(ThrottlingException\)/m,
    ],
    [
      'CloudWatch GetLogEvents throttled',
      cloudwatchScenario(4, 10),
      { op: 'GetLogEvents', kind: 'status', code: 'ThrottlingException', times: MANY },
      16,
      /^ERROR: The "get_log_events" request failed: An error occurred \(ThrottlingException\) when calling the GetLogEvents operation/m,
    ],
    [
      'Inspector ListFindings failing',
      inspectorScenario(10),
      { op: 'ListFindings', kind: 'status', code: 'InternalServerException', status: 500, times: MANY },
      12,
      /^ERROR: Could not get the Inspector findings of the "(us-east-1|eu-west-1)" region: /m,
    ],
    [
      'SQS ReceiveMessage failing',
      sqsScenario(4, 10, 1),
      { op: 'ReceiveMessage', kind: 'status', code: 'InternalError', times: MANY },
      21,
      /^ERROR: Error receiving message from SQS: An error occurred \(InternalError\) when calling the ReceiveMessage operation/m,
    ],
  ];
  for (const [name, scenario, fault, code, text] of cases) {
    it(`${name}: exit ${code}`, async () => {
      const { w } = await prepared(scenario, [fault], profile);
      const failed = await w.run(scenario.args);
      expect(failed.code, failed.stdout).toBe(code);
      expect(failed.stdout).toMatch(text);
      noTrace(failed.stdout + failed.stderr);
      await settle(w);
      const first = w.received().length;
      expect(first).toBeLessThan(scenario.expected.length);
      // The fault clears: the next runs send exactly what the failed one did not.
      w.aws.faults.clear();
      for (let i = 0; i < 3 && !(scenario.drained?.(w) ?? i > 0); i++) {
        const again = await w.run(scenario.args);
        expect(again.code, again.stdout).toBe(0);
        if (scenario.drained && !scenario.drained(w)) await new Promise((r) => setTimeout(r, 1100));
      }
      await settle(w);
      const all = w.received();
      const report = checkDelivery(scenario, [all.slice(0, first), all.slice(first)]);
      expect(report.missing).toEqual([]);
      expect(report.duplicateUnits[1]).toEqual([]);
    });
  }
});

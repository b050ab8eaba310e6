// Inputs for every mode, each event carrying a token `chaos-<unit>#<n>` so that what Wazuh
// received can be checked against what was loaded: which events, and which delivery unit (file,
// stream, region, message) each belongs to.
import { gzipSync } from 'node:zlib';
import type { World } from './world.js';
import { zipOf } from './zip.js';

/** A mode's inputs, its command line and how to read back what was delivered. */
export interface ModeScenario {
  readonly name: string;
  /** What one crash may deliver twice: the unit that was in flight. */
  readonly unit: 'file' | 'stream' | 'region' | 'message';
  /** Loads the inputs into the world's fakes (once per world). */
  load(world: World): void;
  /** The CLI arguments of a run. */
  readonly args: readonly string[];
  /** Every event token a complete run delivers. */
  readonly expected: readonly string[];
  /** Whether nothing is left to collect (SQS: the queue is empty). Absent → a run ending with 0 is enough. */
  drained?(world: World): boolean;
  /** The fake's operation that fetches the data (where faults and delays are injected). */
  readonly dataOp: string;
  /** Units a crash may leave in flight at once (SQS: one message per worker). @default 1 */
  readonly inFlightUnits?: number;
  /** Delay per data request that keeps runs long enough to be stopped in the middle. */
  readonly delayMs: number;
}

/** Delays every data request (by the scenario's `delayMs` unless given), so that runs can be stopped in the middle. */
export function slowDown(world: World, scenario: ModeScenario, ms = scenario.delayMs): void {
  if (ms > 0)
    world.aws.faults.add({ op: scenario.dataOp, kind: 'delay', delayMs: ms, times: Number.MAX_SAFE_INTEGER });
}

/**
 * Bucket runs of the crash tests: one object fetched at a time, each slow enough that the kill
 * often lands while the engine waits for a download (the fast, prefetching case has its own test
 * in crash-signals.test.ts).
 */
export const BUCKET_CRASH_ARGS = ['--concurrency', '1'] as const;

const TOKEN = /chaos-([A-Za-z0-9_.-]+)#(\d+)/;

/** The token and unit of a received message body, or undefined for a message without one. */
export function tokenOf(body: string): { token: string; unit: string } | undefined {
  const m = TOKEN.exec(body);
  return m ? { token: m[0], unit: m[1] as string } : undefined;
}

const tokens = (unit: string, n: number) => Array.from({ length: n }, (_, i) => `chaos-${unit}#${i}`);

const ACCOUNT = '123456789012';

/** CloudTrail: `files` gzip files of `perFile` records, over two days. */
export function cloudtrailScenario(
  files = 12,
  perFile = 25,
  extraArgs: readonly string[] = BUCKET_CRASH_ARGS,
): ModeScenario {
  const bucket = 'chaos-trail';
  const expected: string[] = [];
  const objects: Array<[string, Buffer]> = [];
  for (let f = 0; f < files; f++) {
    const unit = `ct${String(f).padStart(3, '0')}`;
    const day = f < files / 2 ? '09' : '10';
    const key = `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/2025/03/${day}/${ACCOUNT}_CloudTrail_us-east-1_202503${day}T${String(f).padStart(4, '0')}Z_${unit}.json.gz`;
    const ids = tokens(unit, perFile);
    expected.push(...ids);
    const records = ids.map((id, i) => ({
      eventVersion: '1.08',
      eventID: id,
      eventTime: `2025-03-${day}T00:${String(i % 60).padStart(2, '0')}:00Z`,
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      awsRegion: 'us-east-1',
      sourceIPAddress: '192.0.2.10',
      userIdentity: { type: 'IAMUser', accountId: ACCOUNT, userName: 'alice' },
      requestParameters: { bucketName: 'data', key: `k${i}` },
    }));
    objects.push([key, gzipSync(JSON.stringify({ Records: records }))]);
  }
  return {
    name: 'bucket cloudtrail',
    unit: 'file',
    dataOp: 'GetObject',
    delayMs: 60,
    expected,
    args: [
      '--bucket',
      bucket,
      '--type',
      'cloudtrail',
      '--only_logs_after',
      '2025-MAR-09',
      '--regions',
      'us-east-1',
      '--aws_account_id',
      ACCOUNT,
      ...extraArgs,
    ],
    load(world) {
      world.aws.s3.createBucket(bucket);
      for (const [key, body] of objects) world.aws.s3.putObject(bucket, key, body);
    },
  };
}

/** Custom (Firehose) bucket: EventBridge envelopes as plain, gzip and zip objects. */
export function customScenario(
  files = 12,
  perFile = 20,
  extraArgs: readonly string[] = BUCKET_CRASH_ARGS,
): ModeScenario {
  const bucket = 'chaos-firehose';
  const expected: string[] = [];
  const objects: Array<[string, Buffer]> = [];
  for (let f = 0; f < files; f++) {
    const unit = `cu${String(f).padStart(3, '0')}`;
    const ids = tokens(unit, perFile);
    expected.push(...ids);
    const text = ids
      .map((id) =>
        JSON.stringify({
          version: '0',
          id,
          'detail-type': 'Chaos Finding',
          source: 'aws.chaos',
          account: ACCOUNT,
          time: '2025-03-09T14:05:58Z',
          region: 'us-east-1',
          resources: [],
          detail: { id, severity: 5, title: `finding ${id}` },
        }),
      )
      .join('');
    const base = `firehose/2025/03/09/${String(10 + Math.floor(f / 2)).padStart(2, '0')}/stream-${unit}`;
    const kind = f % 3;
    const [key, body] =
      kind === 0
        ? [base, Buffer.from(text)]
        : kind === 1
          ? [`${base}.gz`, gzipSync(text)]
          : [`${base}.zip`, zipOf({ [`${unit}.json`]: text })];
    objects.push([key, body]);
  }
  return {
    name: 'bucket custom',
    unit: 'file',
    dataOp: 'GetObject',
    delayMs: 60,
    expected,
    args: [
      '--bucket',
      bucket,
      '--type',
      'custom',
      '--only_logs_after',
      '2025-MAR-09',
      '--trail_prefix',
      'firehose',
      ...extraArgs,
    ],
    load(world) {
      world.aws.s3.createBucket(bucket);
      for (const [key, body] of objects) world.aws.s3.putObject(bucket, key, body);
    },
  };
}

/** `YYYY-MMM-DD` for `--only_logs_after`, `days` before now. */
function daysAgo(days: number): { text: string; ms: number } {
  const d = new Date(Date.now() - days * 86_400_000);
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' }).toUpperCase();
  const text = `${d.getUTCFullYear()}-${month}-${String(d.getUTCDate()).padStart(2, '0')}`;
  return { text, ms: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) };
}

/** CloudWatch Logs: one group, `streams` streams of `perStream` events (text and JSON). */
export function cloudwatchScenario(streams = 10, perStream = 20): ModeScenario {
  const group = '/chaos/app';
  const after = daysAgo(2);
  const expected: string[] = [];
  const fixture: Record<string, Array<{ timestamp: number; message: string }>> = {};
  for (let s = 0; s < streams; s++) {
    const unit = `st${String(s).padStart(3, '0')}`;
    const ids = tokens(unit, perStream);
    expected.push(...ids);
    fixture[`stream-${unit}`] = ids.map((id, i) => ({
      timestamp: after.ms + 3_600_000 + s * 60_000 + i * 1000,
      message: i % 2 ? JSON.stringify({ level: 'INFO', id }) : `plain line ${id} done`,
    }));
  }
  return {
    name: 'service cloudwatchlogs',
    unit: 'stream',
    dataOp: 'GetLogEvents',
    delayMs: 25,
    expected,
    args: [
      '--service',
      'cloudwatchlogs',
      '--aws_log_groups',
      group,
      '--regions',
      'us-east-1',
      '--only_logs_after',
      after.text,
    ],
    load(world) {
      world.logs.load({ 'us-east-1': { [group]: fixture } });
    },
  };
}

/** Inspector v2: `perRegion` findings in each of two regions (the unit is the region's window). */
export function inspectorScenario(perRegion = 40): ModeScenario {
  const after = daysAgo(2);
  const regions = ['us-east-1', 'eu-west-1'];
  const expected: string[] = [];
  const fixture: Record<string, Array<Record<string, unknown>>> = {};
  for (const region of regions) {
    const ids = tokens(region, perRegion);
    expected.push(...ids);
    fixture[region] = ids.map((id, i) => ({
      findingArn: `arn:aws:inspector2:${region}:${ACCOUNT}:finding/${id.replace(/[^a-z0-9]/gi, '')}`,
      awsAccountId: ACCOUNT,
      type: 'PACKAGE_VULNERABILITY',
      status: 'ACTIVE',
      title: `finding ${id}`,
      description: 'chaos',
      severity: 'HIGH',
      firstObservedAt: after.ms / 1000 + 60,
      lastObservedAt: after.ms / 1000 + 3600,
      updatedAt: after.ms / 1000 + 3600 + i,
      resources: [{ type: 'AWS_EC2_INSTANCE', id: `i-${i}`, partition: 'aws', region }],
    }));
  }
  return {
    name: 'service inspector',
    unit: 'region',
    dataOp: 'ListFindings',
    delayMs: 25,
    expected,
    args: ['--service', 'inspector', '--regions', regions.join(','), '--only_logs_after', after.text],
    load(world) {
      world.inspector.loadV2(fixture);
    },
  };
}

/** SQS `buckets` subscriber: `messages` notifications, each for one object of `perObject` JSON lines. */
export function sqsScenario(messages = 12, perObject = 15, concurrency = 1): ModeScenario {
  const bucket = 'chaos-app-logs';
  const queue = 'chaos-notifications';
  const expected: string[] = [];
  const objects: Array<[string, Buffer]> = [];
  for (let m = 0; m < messages; m++) {
    const unit = `ob${String(m).padStart(3, '0')}`;
    const ids = tokens(unit, perObject);
    expected.push(...ids);
    const text = ids.map((id, i) => JSON.stringify({ id, n: i, status: 'ok' })).join('\n');
    objects.push(
      m % 2
        ? [`app/2025/03/09/${unit}.json.gz`, gzipSync(text)]
        : [`app/2025/03/09/${unit}.json`, Buffer.from(text)],
    );
  }
  return {
    name: `subscriber buckets (SQS, concurrency ${concurrency})`,
    unit: 'message',
    dataOp: 'GetObject',
    delayMs: 25,
    inFlightUnits: concurrency,
    expected,
    args: [
      '--subscriber',
      'buckets',
      '--queue',
      queue,
      '--regions',
      'us-east-1',
      '--concurrency',
      String(concurrency),
    ],
    load(world) {
      world.aws.s3.createBucket(bucket);
      world.sqs.createQueue(queue, { visibilityTimeout: 1 });
      for (const [key, body] of objects) {
        world.aws.s3.putObject(bucket, key, body);
        world.sqs.send(queue, s3Notification(bucket, key, body.length));
      }
    },
    drained: (world) => world.sqs.bodies(queue).length === 0,
  };
}

function s3Notification(bucket: string, key: string, size: number): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: '2025-03-09T08:00:00.000Z',
        eventName: 'ObjectCreated:Put',
        s3: {
          s3SchemaVersion: '1.0',
          bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
          object: { key, size },
        },
      },
    ],
  });
}

/** Every mode, bucket types first. */
export function allScenarios(): ModeScenario[] {
  return [
    cloudtrailScenario(),
    customScenario(),
    cloudwatchScenario(),
    inspectorScenario(),
    sqsScenario(),
    sqsScenario(12, 15, 4),
  ];
}

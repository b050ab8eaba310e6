import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLineLogger, isWazuhAwsError } from '@wazuh-aws/core';
import { runService } from '@wazuh-aws/core/engine';
import { openStateDatabase } from '@wazuh-aws/core/state';
import { createHarness, type Harness, readExpectedDb, readExpectedMessages } from '@wazuh-aws/plugin-testkit';
import {
  createFakeInspector,
  type FakeAws,
  type FakeInspector,
  type FindingsFixture,
  startFakeAws,
  type WireFinding,
} from '@wazuh-aws/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inspector } from '../src/index.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const base = JSON.parse(readFileSync(fixture('inspector-base.json'), 'utf8')) as FindingsFixture;
const OLA = '20250309';
const NOW_PATTERN = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;

let fake: FakeInspector;
let server: FakeAws;
let harness: Harness;

beforeAll(async () => {
  server = await startFakeAws();
  server.registerJsonTarget('InspectorService', (op, input, req) => fake.handleClassic(op, input, req));
  server.registerRestJson(
    'POST',
    '/findings/list',
    (input, req) => fake.handleV2(input, req),
    'ListFindings',
    'inspector2',
  );
});
afterAll(() => server.close());
beforeEach(() => {
  fake = createFakeInspector();
  fake.loadV2(base);
  harness = createHarness(server.url);
});
afterEach(() => {
  harness.cleanup();
  server.faults.clear();
});

async function run(regions: string[], options: Parameters<Harness['context']>[0] = {}, now?: () => Date) {
  const record = harness.context({ onlyLogsAfter: OLA, ...options });
  await runService(inspector, record.context, { regions, now });
  return record;
}

/** Messages compared as Wazuh decodes them (member order is not significant), plus their size. */
function expectSameMessages(received: string[], expected: Array<{ msg: string; len: number }>) {
  const decode = (m: string) => JSON.parse(m.slice('1:Wazuh-AWS:'.length)) as unknown;
  expect(received.map(decode)).toEqual(expected.map((m) => decode(m.msg)));
  expect(received.map((m) => Buffer.byteLength(m))).toEqual(expected.map((m) => m.len));
}

/** Rows with clock values masked like the corpus does. */
const masked = () =>
  harness
    .rows('aws_services')
    .map((row) =>
      row.map((v) =>
        typeof v === 'string' && NOW_PATTERN.test(v) && !v.endsWith(' 00:00:00.0')
          ? '<now:####-##-## ##:##:##.######>'
          : v,
      ),
    );

describe('Inspector against the corpus', () => {
  it('first run: v2 findings of both regions updated since only_logs_after; initial and scan rows', async () => {
    const { messages } = await run(['eu-west-1', 'us-east-1']);
    expectSameMessages(messages, readExpectedMessages(fixture('inspector-first-run/messages.jsonl')));
    expect(messages.some((m) => m.includes('"inspectorScore": 10.0'))).toBe(true);
    const expected = readExpectedDb(fixture('inspector-first-run/db.json'))[0]!.aws_services!;
    expect(harness.columns('aws_services')).toEqual(expected.columns);
    expect(masked()).toEqual(expected.rows);
  });

  it('second run starts at the last scan: nothing new, one more scan row', async () => {
    const first = await run(['us-east-1']);
    const second = await run(['us-east-1']);
    const expected = readExpectedMessages(fixture('inspector-second-run/messages.jsonl'));
    expectSameMessages(
      first.messages,
      expected.filter((m) => m.run === 1),
    );
    expect(second.messages).toEqual([]);
    expect(second.lines).toContain('DEBUG: +++ There are no new events in the "us-east-1" region');
    expect(masked()).toEqual(readExpectedDb(fixture('inspector-second-run/db.json'))[1]!.aws_services!.rows);
  });
});

describe('Inspector behaviour', () => {
  it('asks for the window from the last scan to now, in whole seconds, 100 per page', async () => {
    const now = new Date(Date.UTC(2025, 2, 12, 10, 20, 30, 456));
    await run(['us-east-1'], {}, () => now);
    const call = fake.calls.find((c) => c.api === 'v2')!;
    expect(call.input.maxResults).toBe(100);
    expect(call.input.filterCriteria).toEqual({
      updatedAt: [
        { startInclusive: Date.UTC(2025, 2, 9) / 1000, endInclusive: Math.floor(now.getTime() / 1000) },
      ],
    });
    expect(harness.rows('aws_services').map((r) => r[3])).toContain('2025-03-12 10:20:30.456000');
  });

  it('reparse ignores the stored scan and writes no initial row (S27)', async () => {
    await run(['us-east-1']);
    const again = await run(['us-east-1'], { reparse: true });
    expect(again.messages).toHaveLength(17);
    expect(harness.rows('aws_services').filter((r) => r[3] === '2025-03-09 00:00:00.0')).toHaveLength(1);
  });

  it('reads a stored scan date without a fraction (S33) and keeps 5 scans per region', async () => {
    const db = openStateDatabase({
      path: join(harness.wazuh.wodleDir, 'aws_services.db'),
      wazuhVersion: 'v5.1.0',
      logger: createLineLogger({ write: () => {} }),
    });
    db.ensureTable(
      'aws_services',
      "CREATE TABLE aws_services (service_name 'text' NOT NULL, aws_account_id 'text' NOT NULL, aws_region 'text' NOT NULL, scan_date 'text' NOT NULL, PRIMARY KEY (service_name, aws_account_id, aws_region, scan_date));",
    );
    db.run(
      "INSERT INTO aws_services VALUES ('inspector', '123456789012', 'us-east-1', '2025-03-10 12:00:00')",
    );
    db.close();
    const { messages, lines } = await run(['us-east-1'], {}, () => new Date(Date.UTC(2025, 2, 12)));
    expect(lines).toContain('DEBUG: +++ Attempting to fetch Inspector V2 findings from 2025-03-10 12:00:00');
    const expectedCount = base['us-east-1']!.filter(
      (f) => (f.updatedAt as number) >= Date.UTC(2025, 2, 10, 12) / 1000,
    );
    expect(messages).toHaveLength(expectedCount.length);
    for (let day = 13; day < 19; day++) await run(['us-east-1'], {}, () => new Date(Date.UTC(2025, 2, day)));
    expect(harness.rows('aws_services').map((r) => r[3])).toEqual([
      '2025-03-14 00:00:00.000000',
      '2025-03-15 00:00:00.000000',
      '2025-03-16 00:00:00.000000',
      '2025-03-17 00:00:00.000000',
      '2025-03-18 00:00:00.000000',
    ]);
  });

  it('an error in one region is an ERROR line; the others are processed; the run exits 12 (S29)', async () => {
    fake.failNext('v2:ListFindings', 'AccessDeniedException', 'Inspector is not enabled', 403);
    const record = harness.context({ onlyLogsAfter: OLA });
    const error = await runService(inspector, record.context, { regions: ['eu-west-1', 'us-east-1'] }).catch(
      (e: unknown) => e,
    );
    expect(isWazuhAwsError(error) && error.exitCode).toBe(12);
    expect(record.lines.filter((l) => l.startsWith('ERROR: '))).toEqual([
      'ERROR: Could not get the Inspector findings of the "eu-west-1" region: An error occurred (AccessDeniedException) when calling the ListFindings operation: Inspector is not enabled',
    ]);
    expect(record.messages).toHaveLength(17);
    expect(harness.rows('aws_services').map((r) => r[2])).toEqual(['us-east-1', 'us-east-1']);
  });

  it('discards findings by field with the [InspectorV2] line', async () => {
    const { messages, lines } = await run(['eu-west-1'], { discardField: 'severity', discardRegex: 'HIGH' });
    expect(messages.every((m) => !m.includes('"severity": "HIGH"'))).toBe(true);
    expect(messages.length).toBeLessThan(4);
    expect(lines).toContain(
      'DEBUG: +++ [InspectorV2] The "HIGH" regex found a match in the "severity" field. The event will be skipped.',
    );
  });

  it('Inspector Classic: created-in-window findings, DescribeFindings by 10 (S31), source from service', async () => {
    const classic: WireFinding[] = Array.from({ length: 23 }, (_, i) => ({
      arn: `arn:aws:inspector:us-east-1:123456789012:target/0-a/template/0-b/run/0-c/finding/0-${i}`,
      schemaVersion: 1,
      service: 'Inspector',
      assetType: 'ec2-instance',
      id: `finding-${i}`,
      title: 'title',
      severity: 'High',
      numericSeverity: 9,
      confidence: 10,
      indicatorOfCompromise: false,
      attributes: [],
      userAttributes: [],
      createdAt: 1741600000 + i,
      updatedAt: 1741600000.5 + i,
    }));
    fake = createFakeInspector({ findingsPerPage: 100 });
    fake.loadV2(base);
    fake.loadClassic({ 'us-east-1': classic });
    const { messages } = await run(['us-east-1']);
    const describes = fake.calls.filter((c) => c.operation === 'DescribeFindings');
    expect(describes.map((c) => (c.input.findingArns as string[]).length)).toEqual([10, 10, 3]);
    const sent = messages.filter((m) => m.includes('"source": "inspector"'));
    expect(sent).toHaveLength(23);
    expect(sent[0]).toContain('"numericSeverity": 9.0');
    expect(sent[0]).toContain('"createdAt": "2025-03-10T09:46:40Z"');
    expect(sent[0]).toContain('"updatedAt": "2025-03-10T09:46:40Z"');
    expect(sent[0]).not.toContain('"service"');
  });

  it('a region without Inspector Classic is a debug line, not an error', async () => {
    fake.classicDenied.add('us-east-1');
    const { lines, messages } = await run(['us-east-1']);
    expect(messages).toHaveLength(17);
    expect(
      lines.some((l) => l.startsWith('DEBUG: +++ Inspector Classic is not available in us-east-1')),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith('ERROR:'))).toBe(false);
  });

  it('rejects a region without Inspector (exit 22)', async () => {
    const error = await run(['us-fake-1']).catch((e: unknown) => e);
    expect(isWazuhAwsError(error) && [error.exitCode, error.message]).toEqual([
      22,
      "Unsupported region 'us-fake-1'",
    ]);
  });
});

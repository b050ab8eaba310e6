import { describe, expect, it } from 'vitest';
import { computeMarker, createdDateOf, keyPrefixes } from '../src/engine/bucket/index.js';
import { type BucketPlugin, defineBucketPlugin } from '../src/index.js';

const base = {
  kind: 'bucket' as const,
  table: 't',
  schema: 'awslogs' as const,
  layout: 'awslogs' as const,
  markerDateFormat: 'YYYY/MM/DD' as const,
  checkPrefix: false,
  lateArrival: false,
  accountIdInMessage: true,
  createdDate: 'file-name' as const,
  parse: () => [],
  reformat: (m: Record<string, unknown>) => [m],
};
const plugin = (overrides: Partial<BucketPlugin>) => defineBucketPlugin({ ...base, name: 'x', ...overrides });
const cloudtrail = plugin({ name: 'cloudtrail', serviceFolder: 'CloudTrail', lateArrival: true });
const config = plugin({
  name: 'config',
  serviceFolder: 'Config',
  markerDateFormat: 'YYYY/M/D',
  markerMode: 'year-folder',
});
const guardduty = plugin({
  name: 'guardduty',
  schema: 'custom',
  serviceFolder: 'GuardDuty',
  markerMode: 'day-folder',
  createdDate: 'key-date',
});
const serverAccess = plugin({
  name: 'server_access',
  schema: 'custom',
  layout: 'flat',
  markerDateFormat: 'YYYY-MM-DD',
  markerDelimiter: '-',
  createdDate: 'key-date',
});
const today = new Date(Date.UTC(2025, 2, 12));
const ola = new Date(Date.UTC(2025, 2, 9));
const full = 'AWSLogs/123456789012/CloudTrail/us-east-1/';

describe('key prefixes (buckets.md §1.3)', () => {
  it('builds the AWSLogs layout with suffix and organization id', () => {
    const p = keyPrefixes(cloudtrail, { bucket: 'b', prefix: 'p/', suffix: 's/', organizationId: 'o-abc' });
    expect(p.full('123456789012', 'us-east-1')).toBe('p/AWSLogs/s/o-abc/123456789012/CloudTrail/us-east-1/');
    expect(p.bucketPath).toBe('b/p/s/');
  });

  it('ignores the organization id for load balancers and keeps bucket/prefix as the path of custom tables', () => {
    const lb = plugin({
      name: 'alb',
      schema: 'custom',
      layout: 'load-balancer',
      serviceFolder: 'elasticloadbalancing',
    });
    const p = keyPrefixes(lb, { bucket: 'b', prefix: 'p/', suffix: 's/', organizationId: 'o-abc' });
    expect(p.full('123456789012', 'us-east-1')).toBe(
      'p/AWSLogs/s/123456789012/elasticloadbalancing/us-east-1/',
    );
    expect(p.bucketPath).toBe('b/p/');
  });

  it('lists flat types from the prefix alone', () => {
    expect(
      keyPrefixes(serverAccess, { bucket: 'b', prefix: 'logs/', suffix: '' }).full(undefined, undefined),
    ).toBe('logs/');
  });
});

describe('markers (buckets.md §1.8)', () => {
  const marker = (
    p: BucketPlugin,
    input: { lastKey?: string; reparse?: boolean; ola?: Date; prefix?: string },
  ) =>
    computeMarker({
      plugin: p,
      fullPrefix: input.prefix ?? full,
      reparse: input.reparse ?? false,
      onlyLogsAfter: input.ola,
      defaultDate: today,
      lastKey: input.lastKey,
    });

  it('starts at today without state or only_logs_after, at only_logs_after when given', () => {
    expect(marker(cloudtrail, {}).startAfter).toBe(`${full}2025/03/12`);
    expect(marker(cloudtrail, { ola }).startAfter).toBe(`${full}2025/03/09`);
  });

  it('rewinds late-arrival types to the day before the last key', () => {
    const lastKey = `${full}2025/03/10/123456789012_CloudTrail_us-east-1_20250310T2355Z_x.json.gz`;
    expect(marker(cloudtrail, { lastKey }).startAfter).toBe(`${full}2025/03/09`);
    expect(marker(cloudtrail, { lastKey: `${full}2025/03/01/f` }).startAfter).toBe(`${full}2025/02/28`);
  });

  it('never starts before only_logs_after, even with an older last key', () => {
    expect(marker(cloudtrail, { lastKey: `${full}2025/03/02/f`, ola }).startAfter).toBe(`${full}2025/03/09`);
  });

  it('reparse ignores the state and starts at only_logs_after, else today', () => {
    expect(marker(cloudtrail, { reparse: true, lastKey: `${full}2025/03/11/f`, ola }).startAfter).toBe(
      `${full}2025/03/09`,
    );
    expect(marker(cloudtrail, { reparse: true }).startAfter).toBe(`${full}2025/03/12`);
  });

  it('Config lists from the year folder after the full prefix (B19) and prints the untruncated marker', () => {
    const prefix = 'p2024/AWSLogs/123456789012/Config/us-east-1/';
    const m = marker(config, { prefix, lastKey: `${prefix}2025/3/10/ConfigHistory/x.json.gz` });
    expect(m.startAfter).toBe(`${prefix}2025/`);
    expect(m.printed).toBe(`${prefix}2025/3/10/ConfigHistory/x.json.gz`);
    expect(marker(config, { prefix }).printed).toBe(`${prefix}2025/3/12`);
  });

  it('GuardDuty restarts at the day folder of its last key', () => {
    const prefix = 'AWSLogs/123456789012/GuardDuty/us-east-1/';
    const m = marker(guardduty, { prefix, lastKey: `${prefix}2025/03/10/abc.jsonl.gz` });
    expect(m.startAfter).toBe(`${prefix}2025/03/10/`);
    expect(m.rewoundTo).toBe(`${prefix}2025/03/10/`);
    expect(marker(guardduty, { prefix }).rewoundTo).toBeUndefined();
  });

  it('server access markers use the dash delimiter after the prefix', () => {
    expect(marker(serverAccess, { prefix: 'logs/', ola }).startAfter).toBe('logs/2025-03-09');
  });
});

describe('created_date (buckets.md §1.15, B20)', () => {
  const object = (key: string) => ({ bucket: 'b', key, lastModified: new Date(Date.UTC(2021, 0, 23)) });

  it('takes the file-name date of AWSLogs files', () => {
    const key =
      'AWSLogs/1/CloudTrail/r/2018/08/10/123456789012_CloudTrail_ap-northeast-1_20180810T0115Z_Dg.json.gz';
    expect(createdDateOf(cloudtrail, object(key))).toBe(20180810);
  });

  it('falls back to LastModified when the file name has no date (B20)', () => {
    expect(createdDateOf(cloudtrail, object('AWSLogs/x/odd-name.json.gz'))).toBe(20210123);
  });

  it('takes the last date of a custom key', () => {
    expect(
      createdDateOf(guardduty, object('2020/09/30/13/firehose_guardduty-1-2020-10-01-00-17-05-x.zip')),
    ).toBe(20201001);
    expect(
      createdDateOf(guardduty, object('981837383623/iplogs/2020-09-20/2020-09-20-00-00-moyl.csv.gz')),
    ).toBe(20200920);
    expect(createdDateOf(guardduty, object('20-03-02-21-02-43-A8269E82CA8BDD21'))).toBe(20210123);
  });
});

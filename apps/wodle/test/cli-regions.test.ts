import { createLineLogger, EXIT, WazuhAwsError } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { parseArguments } from '../src/cli/args.js';
import {
  ALL_REGIONS,
  CHINA_REGIONS,
  GENERAL_REGION_CATALOG,
  GOVCLOUD_REGIONS,
  INSPECTOR_REGION_CATALOG,
  INSPECTOR_V2_REGIONS,
} from '../src/cli/regions.js';
import { regionsForMode } from '../src/cli/regions-for-mode.js';
import { resolveTarget } from '../src/cli/targets.js';

const parse = (...args: string[]) => parseArguments(['node', 'aws-s3', ...args], {});

function capture(level = 1) {
  const lines: string[] = [];
  return { lines, logger: createLineLogger({ level, write: (l) => lines.push(l.trimEnd()) }) };
}

function thrown(fn: () => unknown): WazuhAwsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WazuhAwsError);
    return error as WazuhAwsError;
  }
  throw new Error('nothing thrown');
}

describe('region lists', () => {
  it('has the 33 commercial regions, ascending, and the 31 Inspector v2 regions', () => {
    expect(ALL_REGIONS).toHaveLength(33);
    expect([...ALL_REGIONS].sort()).toEqual([...ALL_REGIONS]);
    expect(INSPECTOR_V2_REGIONS).toHaveLength(31);
    expect(ALL_REGIONS.filter((r) => !(INSPECTOR_V2_REGIONS as readonly string[]).includes(r))).toEqual([
      'ap-east-2',
      'me-south-1',
    ]);
    expect(ALL_REGIONS).toContain('mx-central-1');
  });
  it('accepts GovCloud and China where the service exists (L9)', () => {
    for (const r of [...GOVCLOUD_REGIONS, ...CHINA_REGIONS])
      expect(GENERAL_REGION_CATALOG.accepted.has(r)).toBe(true);
    for (const r of GOVCLOUD_REGIONS) expect(INSPECTOR_REGION_CATALOG.accepted.has(r)).toBe(true);
    for (const r of CHINA_REGIONS) expect(INSPECTOR_REGION_CATALOG.accepted.has(r)).toBe(false);
    expect(GENERAL_REGION_CATALOG.fallback).toEqual(ALL_REGIONS);
    expect(INSPECTOR_REGION_CATALOG.fallback).toEqual(INSPECTOR_V2_REGIONS);
  });
});

describe('regionsForMode', () => {
  it('bucket: validated sorted list, or [] for discovery', () => {
    expect(regionsForMode(parse('-b', 'my-bucket', '-r', 'us-west-2,us-east-1'))).toEqual([
      'us-east-1',
      'us-west-2',
    ]);
    expect(regionsForMode(parse('-b', 'my-bucket', '-r', 'us-gov-west-1,cn-north-1'))).toEqual([
      'cn-north-1',
      'us-gov-west-1',
    ]);
    expect(regionsForMode(parse('-b', 'my-bucket'), 'eu-west-1')).toEqual([]);
  });
  it('bucket: the first unknown region (sorted) is exit 22, reported (L7)', () => {
    const error = thrown(() =>
      regionsForMode(parse('-b', 'my-bucket', '-r', 'zz-west-1,us-east-1,xx-east-1')),
    );
    expect(error).toMatchObject({
      exitCode: EXIT.INVALID_REGION,
      report: true,
      message: "Invalid region 'xx-east-1'",
    });
  });
  it('service: every region is checked before any work (L8)', () => {
    const error = thrown(() => regionsForMode(parse('-sr', 'cloudwatchlogs', '-r', 'us-east-1,us-west-9')));
    expect(error).toMatchObject({ exitCode: 22, message: "Invalid region 'us-west-9'" });
  });
  it('inspector: Unsupported region outside Inspector v2 (me-south-1, cn-*)', () => {
    for (const r of ['me-south-1', 'ap-east-2', 'cn-north-1']) {
      expect(thrown(() => regionsForMode(parse('-sr', 'INSPECTOR', '-r', r)))).toMatchObject({
        exitCode: 22,
        code: 'UNSUPPORTED_REGION',
        message: `Unsupported region '${r}'`,
      });
    }
    expect(regionsForMode(parse('-sr', 'inspector', '-r', 'us-gov-east-1,eu-west-1'))).toEqual([
      'eu-west-1',
      'us-gov-east-1',
    ]);
  });
  it('service: --regions wins over the profile region (C1)', () => {
    expect(regionsForMode(parse('-sr', 'cloudwatchlogs', '-r', 'eu-west-1'), 'us-east-1')).toEqual([
      'eu-west-1',
    ]);
  });
  it('service: the profile region is used, and validated', () => {
    expect(regionsForMode(parse('-sr', 'cloudwatchlogs'), 'eu-north-1')).toEqual(['eu-north-1']);
    expect(thrown(() => regionsForMode(parse('-sr', 'inspector'), 'me-south-1')).message).toBe(
      "Unsupported region 'me-south-1'",
    );
    expect(thrown(() => regionsForMode(parse('-sr', 'cloudwatchlogs'), 'moon-1')).message).toBe(
      "Invalid region 'moon-1'",
    );
  });
  it('service: falls back to the service list with the reference debug line', () => {
    const cw = capture();
    expect(regionsForMode(parse('-sr', 'cloudwatchlogs'), undefined, cw.logger)).toEqual([...ALL_REGIONS]);
    expect(cw.lines).toEqual([
      'DEBUG: +++ Warning: No regions were specified, trying to get events from all regions',
    ]);
    const insp = capture();
    expect(regionsForMode(parse('-sr', 'inspector'), '  ', insp.logger)).toEqual([...INSPECTOR_V2_REGIONS]);
    expect(insp.lines).toEqual([
      'DEBUG: +++ Warning: No regions were specified, trying to get events from supported regions',
    ]);
    const quiet = capture(0);
    regionsForMode(parse('-sr', 'inspector'), undefined, quiet.logger);
    expect(quiet.lines).toEqual([]);
  });
  it('subscriber: regions are validated (the first is the SQS region), none → []', () => {
    expect(regionsForMode(parse('-sb', 'buckets', '-q', 'q', '-r', 'eu-west-1'))).toEqual(['eu-west-1']);
    expect(regionsForMode(parse('-sb', 'buckets', '-q', 'q'), 'eu-west-1')).toEqual([]);
    expect(thrown(() => regionsForMode(parse('-sb', 'buckets', '-r', 'xx-east-1'))).exitCode).toBe(22);
  });
  it('service: an unknown service is exit 12 before regions', () => {
    expect(thrown(() => regionsForMode(parse('-sr', 'macie')))).toMatchObject({
      exitCode: 12,
      message: 'Invalid type of service',
    });
  });
});

describe('resolveTarget', () => {
  it.each([
    [['-b', 'my-bucket'], { mode: 'bucket', type: 'cloudtrail' }],
    [['-b', 'my-bucket', '-t', 'Server_Access'], { mode: 'bucket', type: 'server_access' }],
    [['-b', 'my-bucket', '-t', 'cisco_umbrella'], { mode: 'bucket', type: 'cisco_umbrella' }],
    [['-sr', 'CloudWatchLogs'], { mode: 'service', service: 'cloudwatchlogs' }],
    [['-sr', 'inspector'], { mode: 'service', service: 'inspector' }],
    [['-sb', 'Buckets', '-q', 'q'], { mode: 'subscriber', subscriber: 'buckets' }],
    [['-sb', 'security_hub', '-q', 'q'], { mode: 'subscriber', subscriber: 'security_hub' }],
    [
      ['-sb', 'security_lake', '-q', 'q', '-i', 'arn:::::', '-x', 'id', '-p', 'p'],
      { mode: 'subscriber', subscriber: 'security_lake' },
    ],
  ])('%j → %j', (args, target) => expect(resolveTarget(parse(...args))).toEqual(target));

  it.each([
    [['-b', 'my-bucket', '-t', 'cloudfront'], 'Invalid type of bucket'],
    [['-b', 'my-bucket', '-t', ''], 'Invalid type of bucket'],
    [['-sr', 'macie'], 'Invalid type of service'],
    [['-sr', ''], 'Invalid type of service'], // L18
    [['-sb', 'sqs', '-q', 'q'], 'Invalid type of subscriber'],
    [['-sb', ''], 'Invalid type of subscriber'], // L18
  ])('%j → exit 12 %j', (args, message) => {
    expect(thrown(() => resolveTarget(parse(...args)))).toMatchObject({
      exitCode: 12,
      report: true,
      message,
    });
  });

  it.each([
    [['-sb', 'buckets'], 'queue'], // L19
    [['-sb', 'security_hub'], 'queue'], // L19
    [['-sb', 'security_lake', '-q', 'q', '-x', 'id'], 'iam_role_arn'],
    [['-sb', 'security_lake', '-i', 'arn:::::', '-x', 'id'], 'queue'],
    [['-sb', 'security_lake'], 'iam_role_arn'],
    [['-sb', 'security_lake', '-q', 'q', '-i', 'arn:::::'], 'external_id'],
    [['-sb', 'security_lake', '-q', 'q', '-i', 'arn:::::', '-x', ''], 'external_id'], // Q23
  ])('%j → exit 21, missing --%s', (args, option) => {
    expect(thrown(() => resolveTarget(parse(...args)))).toMatchObject({
      exitCode: 21,
      report: true,
      message: `Used a subscriber but no --${option} provided.`,
    });
  });

  it('notes a missing --aws_profile for security_lake at debug 2', () => {
    const { lines, logger } = capture(2);
    resolveTarget(parse('-sb', 'security_lake', '-q', 'q', '-i', 'arn:::::', '-x', 'id'), logger);
    expect(lines).toEqual(['DEBUG: Used a subscriber but no --aws_profile provided.']);
  });
});

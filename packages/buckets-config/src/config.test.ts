import { createLineLogger, WazuhAwsError, type WazuhMessage } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { createdTimeSeconds, orderConfigPage, reformatConfig } from './index.js';

describe('orderConfigPage', () => {
  const ref = (key: string) => ({ bucket: 'b', key });
  const page = [
    ref('AWSLogs/1/Config/r/2025/3/10/ConfigHistory/a'),
    ref('AWSLogs/1/Config/r/2025/3/9/ConfigHistory/b'),
    ref('AWSLogs/1/Config/ConfigWritabilityCheckFile'),
    ref('AWSLogs/1/Config/r/2025/3/8/ConfigSnapshot/c'),
    ref('AWSLogs/1/Config/r/2025/3/9/ConfigSnapshot/d'),
  ];

  it('sorts chronologically (stable) and drops keys without a date', () => {
    expect(orderConfigPage(page, undefined).map((o) => o.key.slice(-1))).toEqual(['c', 'b', 'd', 'a']);
  });

  it('drops keys dated before only_logs_after', () => {
    expect(orderConfigPage(page, '20250309').map((o) => o.key.slice(-1))).toEqual(['b', 'd', 'a']);
  });
});

describe('createdTimeSeconds', () => {
  it('reads strings as UTC and drops the fraction (decision B18)', () => {
    expect(createdTimeSeconds('2024-12-01T09:30:15.250Z')).toBe(1733045415);
    expect(createdTimeSeconds('2020-06-01T01:03:03.106Z')).toBe(1590973383);
    expect(createdTimeSeconds(1733045415.25)).toBe(1733045415.25);
  });

  it('rejects other forms', () => {
    expect(createdTimeSeconds('yesterday')).toBeUndefined();
    expect(createdTimeSeconds('2024-12-01T09:30:15Z')).toBeUndefined();
    expect(createdTimeSeconds('2024-02-30T09:30:15.1Z')).toBeUndefined();
  });
});

describe('reformatConfig', () => {
  const run = (configuration: unknown) => {
    const lines: string[] = [];
    const message: WazuhMessage = { integration: 'aws', aws: { log_info: {}, configuration } };
    reformatConfig(message, { logger: createLineLogger({ write: (l) => lines.push(l) }) });
    return {
      configuration: (message.aws as { configuration: unknown }).configuration,
      warnings: lines.length,
    };
  };

  it('shapes every variant', () => {
    expect(
      run({
        bucketPolicy: { policyText: 'x', Content: { Version: '1', Statement: [] } },
        securityGroups: [{ groupId: 'a', groupName: 'n' }, { groupId: 'b' }, 'junk'],
        availabilityZones: 'us-east-1a',
        state: 'running',
        createdTime: '2024-12-01T09:30:15.250Z',
        iamInstanceProfile: 'arn',
      }),
    ).toEqual({
      configuration: {
        bucketPolicy: { policyText: 'x', Content: ['Version', 'Statement'] },
        securityGroups: { groupId: ['a', 'b'], groupName: ['n'] },
        availabilityZones: { zoneName: ['us-east-1a'] },
        state: { name: 'running' },
        createdTime: 1733045415,
        iamInstanceProfile: { name: 'arn' },
      },
      warnings: 0,
    });
  });

  it('collapses one-element arrays first and wraps object values', () => {
    expect(run({ securityGroups: [{ groupId: 'a' }], availabilityZones: [] }).configuration).toEqual({
      securityGroups: { groupId: ['a'] },
      availabilityZones: {},
    });
  });

  it('warns once per value it cannot shape and leaves it', () => {
    expect(
      run({
        securityGroups: 42,
        availabilityZones: 3,
        state: 1,
        createdTime: 'yesterday',
        iamInstanceProfile: 7,
      }),
    ).toEqual({
      configuration: {
        securityGroups: 42,
        availabilityZones: 3,
        state: 1,
        createdTime: 'yesterday',
        iamInstanceProfile: 7,
      },
      warnings: 5,
    });
  });

  it('stops like the reference (exit 7) on a Content that is not an object', () => {
    const error = (() => {
      try {
        run({ policy: { Content: 'text' } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WazuhAwsError);
    expect((error as WazuhAwsError).exitCode).toBe(7);
  });
});

import { gzipSync } from 'node:zlib';
import { DecompressError, ParseError, WazuhAwsError, type WazuhMessage } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { parseGuardDuty, reformatGuardDuty } from './index.js';

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};
const KEY = 'AWSLogs/123456789012/GuardDuty/us-east-1/2025/03/09/x.jsonl.gz';

describe('parseGuardDuty', () => {
  it('reads JSON Lines findings with source = service.serviceName', async () => {
    const text =
      '{"id": "a", "service": {"serviceName": "guardduty"}}\r\n  {"id": "b", "source": "x", "service": {"serviceName": "malware"}}\n';
    expect(await collect(parseGuardDuty(gzipSync(text), { key: KEY }))).toEqual([
      { id: 'a', service: { serviceName: 'guardduty' }, source: 'guardduty' },
      { id: 'b', source: 'malware', service: { serviceName: 'malware' } },
    ]);
  });

  it('keeps the reference error classes', async () => {
    await expect(collect(parseGuardDuty('{"a":1}\n\n{"b":2}\n', { key: KEY }))).rejects.toBeInstanceOf(
      WazuhAwsError,
    );
    const empty = await collect(parseGuardDuty('{"service":{"serviceName":"g"}}\n\n', { key: KEY })).catch(
      (e: unknown) => e,
    );
    expect(empty).toBeInstanceOf(ParseError);
    await expect(collect(parseGuardDuty('[1]\n', { key: KEY }))).rejects.toBeInstanceOf(DecompressError);
    const noName = await collect(parseGuardDuty('{"service": {}}', { key: KEY })).catch((e: unknown) => e);
    expect((noName as WazuhAwsError).exitCode).toBe(1);
  });

  it('reads other keys with the custom-bucket parser', async () => {
    const text =
      '{"source": "aws.guardduty", "detail": {"id": "f"}}\n{"source": "aws.guardduty", "detail": {"id": "g"}}';
    expect(await collect(parseGuardDuty(text, { key: 'firehose/2025/03/09/x' }))).toEqual([
      { id: 'f', source: 'guardduty' },
      { id: 'g', source: 'guardduty' },
    ]);
  });
});

describe('reformatGuardDuty', () => {
  const message = (source: string, details: unknown): WazuhMessage => ({
    integration: 'aws',
    aws: {
      log_info: {},
      tags: ['t'],
      service: { action: { portProbeAction: { portProbeDetails: details, x: 1 } } },
      source,
    },
  });

  it('splits several port probe details into messages without other reformatting', () => {
    const out = reformatGuardDuty(message('guardduty', [{ p: 1 }, { p: 2 }]));
    expect(out).toEqual([message('guardduty', { p: 1 }), message('guardduty', { p: 2 })]);
    expect(out[0]!.aws).not.toBe(out[1]!.aws);
  });

  it('applies the generic reformat otherwise', () => {
    const [single] = reformatGuardDuty(message('guardduty', [{ p: 1 }]));
    expect(single!.aws).toEqual({
      log_info: {},
      tags: { value: 't' },
      service: { action: { portProbeAction: { portProbeDetails: { p: 1 }, x: 1 } } },
      source: 'guardduty',
    });
    expect(reformatGuardDuty(message('macie', [{ p: 1 }, { p: 2 }]))).toHaveLength(1);
  });
});

describe('guardduty.parse', () => {
  // The parser streams; holding a bad file's messages back is the engine's job (object-processor).
  it('yields the good findings, then fails on a bad line', async () => {
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const f of parseGuardDuty('{"service":{"serviceName":"g"}}\n{bad\n', { key: KEY }))
          seen.push(f);
      })(),
    ).rejects.toBeInstanceOf(ParseError);
    expect(seen).toHaveLength(1);
  });
});

import { gzipSync } from 'node:zlib';
import { DecompressError, ParseError } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { flowLogTime, isFlowLogHeader, parseVpcFlowLog } from './index.js';

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

const HEADER =
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';

describe('parseVpcFlowLog', () => {
  it('drops the header and converts start/end to ISO UTC', async () => {
    const text = `${HEADER}\n2 123456789012 eni-1 - - - - - - - 1622505433 1622505493 - NODATA\n`;
    expect(await collect(parseVpcFlowLog(gzipSync(text)))).toEqual([
      {
        version: '2',
        account_id: '123456789012',
        interface_id: 'eni-1',
        srcaddr: '-',
        dstaddr: '-',
        srcport: '-',
        dstport: '-',
        protocol: '-',
        packets: '-',
        bytes: '-',
        start: '2021-05-31T23:57:13Z',
        end: '2021-05-31T23:58:13Z',
        action: '-',
        log_status: 'NODATA',
        source: 'vpc',
      },
    ]);
  });

  it('reads custom formats by their header (flow log v3+)', async () => {
    const text = 'vpc-id start end pkt-srcaddr flow-direction\nvpc-1 0 60 10.0.0.1 ingress\n';
    expect(await collect(parseVpcFlowLog(text))).toEqual([
      {
        vpc_id: 'vpc-1',
        start: '1970-01-01T00:00:00Z',
        end: '1970-01-01T00:01:00Z',
        pkt_srcaddr: '10.0.0.1',
        flow_direction: 'ingress',
        source: 'vpc',
      },
    ]);
  });

  it('keeps surplus values under extra_fields and missing trailing fields as null', async () => {
    const events = await collect(parseVpcFlowLog('2 1 eni 1.1.1.1 2.2.2.2 1 2 6 1 1 0 0 ACCEPT OK x y\n'));
    expect(events[0]).toMatchObject({ log_status: 'OK', extra_fields: ['x', 'y'], source: 'vpc' });
    expect(await collect(parseVpcFlowLog('vpc-id action\nvpc-1\n'))).toEqual([
      { vpc_id: 'vpc-1', action: null, source: 'vpc' },
    ]);
    const short = await collect(parseVpcFlowLog('vpc-id start\nvpc-1\n')).catch((e: unknown) => e);
    expect(short).toBeInstanceOf(DecompressError);
  });

  it('fails rows without end as decompress-class and non-integer times as parse errors (quirk B8)', async () => {
    const noEnd = await collect(parseVpcFlowLog('2 1 eni 1.1.1.1 2.2.2.2 1 2 6 1 1 0\n')).catch(
      (e: unknown) => e,
    );
    expect(noEnd).toBeInstanceOf(DecompressError);
    expect((noEnd as DecompressError).pythonType).toBe('TypeError');
    const dash = await collect(parseVpcFlowLog('2 1 eni 1.1.1.1 2.2.2.2 1 2 6 1 1 - 5 ACCEPT OK\n')).catch(
      (e: unknown) => e,
    );
    expect(dash).toBeInstanceOf(ParseError);
    expect((dash as ParseError).message).toBe("invalid literal for int() with base 10: '-'");
  });
});

describe('helpers', () => {
  it('recognises headers only', () => {
    expect(isFlowLogHeader(HEADER.split(' '))).toBe(true);
    expect(isFlowLogHeader(['2', '123456789012', 'eni-1'])).toBe(false);
    expect(isFlowLogHeader(['eni-abc', 'accept'])).toBe(false);
  });

  it('formats times', () => {
    expect(flowLogTime('1741434900')).toBe('2025-03-08T11:55:00Z');
    expect(() => flowLogTime('')).toThrow(ParseError);
    expect(() => flowLogTime('99999999999999')).toThrow(ParseError);
  });
});

describe('vpcflow.parse', () => {
  // The parser streams; holding a bad file's messages back is the engine's job (object-processor).
  it('yields the good rows, then fails on a bad one', async () => {
    const seen: unknown[] = [];
    const text =
      '2 1 eni 1.1.1.1 2.2.2.2 1 2 6 1 1 0 5 ACCEPT OK\n2 1 eni 1.1.1.1 2.2.2.2 1 2 6 1 1 - 5 ACCEPT OK\n';
    await expect(
      (async () => {
        for await (const event of parseVpcFlowLog(text)) seen.push(event);
      })(),
    ).rejects.toBeInstanceOf(ParseError);
    expect(seen).toHaveLength(1);
  });
});

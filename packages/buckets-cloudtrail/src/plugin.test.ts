import { gzipSync } from 'node:zlib';
import { createLineLogger, DecompressError, ParseError, type WazuhMessage } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { parseCloudTrail, reformatCloudTrail } from './index.js';

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe('parseCloudTrail', () => {
  it('yields Records with source set in place or appended', async () => {
    const text = '{"Records": [{"a": 1, "source": "x", "b": 2}, {"c": NaN}]}';
    const events = await collect(parseCloudTrail(gzipSync(text)));
    expect(events).toEqual([
      { a: 1, source: 'cloudtrail', b: 2 },
      { c: Number.NaN, source: 'cloudtrail' },
    ]);
    expect(Object.keys(events[0]!)).toEqual(['a', 'source', 'b']);
  });

  it('yields nothing without Records or for a non-object document', async () => {
    expect(await collect(parseCloudTrail('{"Events": [{"eventName": "x"}]}'))).toEqual([]);
    expect(await collect(parseCloudTrail('[{"Records": []}]'))).toEqual([]);
    expect(await collect(parseCloudTrail('{"Records": []}'))).toEqual([]);
  });

  it('fails empty or invalid files as the Python decoder', async () => {
    const error = await collect(parseCloudTrail('')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).message).toBe('Expecting value: line 1 column 1 (char 0)');
    expect((error as ParseError).pythonType).toBe('JSONDecodeError');
    await expect(collect(parseCloudTrail(gzipSync('')))).rejects.toBeInstanceOf(ParseError);
  });

  it('fails Records that are not objects as a decompress-class error', async () => {
    await expect(collect(parseCloudTrail('{"Records": [1]}'))).rejects.toBeInstanceOf(DecompressError);
    await expect(collect(parseCloudTrail('{"Records": {"a": 1}}'))).rejects.toBeInstanceOf(DecompressError);
  });
});

describe('reformatCloudTrail', () => {
  const run = (aws: Record<string, unknown>) => {
    const lines: string[] = [];
    const message: WazuhMessage = { integration: 'aws', aws: { log_info: {}, ...aws } };
    const out = reformatCloudTrail(message, { logger: createLineLogger({ write: (l) => lines.push(l) }) });
    return { aws: out[0]!.aws, lines, count: out.length };
  };

  it('wraps non-object fields with their Python str()', () => {
    const { aws, count } = run({
      additionalEventData: ['vpce-1'],
      responseElements: true,
      requestParameters: ['a', 'b', null, 1.5],
    });
    expect(count).toBe(1);
    expect(aws).toEqual({
      log_info: {},
      additionalEventData: { string: 'vpce-1' },
      responseElements: { string: 'True' },
      requestParameters: { string: "['a', 'b', None, 1.5]" },
    });
  });

  it('wraps a boolean disableApiTermination and warns for other scalars', () => {
    expect(run({ requestParameters: { disableApiTermination: false } }).aws).toEqual({
      log_info: {},
      requestParameters: { disableApiTermination: { value: false } },
    });
    expect(run({ requestParameters: { disableApiTermination: { value: true } } }).lines).toEqual([]);
    const warned = run({ requestParameters: { disableApiTermination: 'true' } });
    expect(warned.aws).toEqual({ log_info: {}, requestParameters: { disableApiTermination: 'true' } });
    expect(warned.lines).toEqual([
      'WARNING: Could not reformat event {"integration":"aws","aws":{"log_info":{},"requestParameters":{"disableApiTermination":"true"}}}\n',
    ]);
  });
});

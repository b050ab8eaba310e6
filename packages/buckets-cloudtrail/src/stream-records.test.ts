import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DecompressError, openObjectContent, ParseError } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { streamRecords } from './stream-records.js';

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};
const options = { field: 'Records', source: 'cloudtrail' };
const cases = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../test/fixtures/cloudtrail-accounts-and-regions.cases.json'),
    'utf8',
  ),
) as { files: Array<{ key: string; file: string }> };

describe('streamRecords', () => {
  it.each(cases.files.slice(0, 4))('streams $key like the whole-document parse', async ({ key, file }) => {
    const bytes = readFileSync(join(import.meta.dirname, '../test/fixtures', file));
    const whole = await collect(streamRecords(openObjectContent(key, bytes), options));
    const streamed = await collect(
      streamRecords(openObjectContent(key, bytes), { ...options, streamAbove: 16 }),
    );
    expect(whole.length).toBeGreaterThan(0);
    expect(streamed).toEqual(whole);
  });

  it('streams large documents record by record', async () => {
    const records = Array.from({ length: 5000 }, (_, i) => ({
      eventID: `e${i}`,
      n: i,
      nested: { a: [1, 'x'] },
    }));
    const bytes = gzipSync(JSON.stringify({ eventVersion: '1', Records: records, after: { Records: [1] } }));
    const events = await collect(
      streamRecords(openObjectContent('k.json.gz', bytes), { ...options, streamAbove: 1024 }),
    );
    expect(events).toHaveLength(5000);
    expect(events[4999]).toEqual({
      eventID: 'e4999',
      n: 4999,
      nested: { a: [1, 'x'] },
      source: 'cloudtrail',
    });
  });

  it('keeps the error classes on the streamed path', async () => {
    const big = (text: string) => openObjectContent('k.json', Buffer.from(text));
    const run = (text: string) =>
      collect(streamRecords(big(text), { ...options, streamAbove: 4 })).catch((e: unknown) => e);
    expect(await run('{"Records": [{"a": 1}, {"b": ]}')).toBeInstanceOf(ParseError);
    expect(await run('{"Records": [{"a": 1}, 2]}')).toBeInstanceOf(DecompressError);
    expect(await run('{"Records": {"a": 1}}')).toBeInstanceOf(DecompressError);
    expect(await run('{"Other": [1]}')).toEqual([]);
    const badUtf8 = Buffer.concat([
      Buffer.from('{"Records": [{"a": "'),
      Buffer.from([0xff]),
      Buffer.from('"}]}'),
    ]);
    const gz = await collect(
      streamRecords(openObjectContent('k.json.gz', gzipSync(badUtf8)), { ...options, streamAbove: 4 }),
    ).catch((e: unknown) => e);
    expect(gz).toBeInstanceOf(DecompressError);
  });
});

import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DecompressError, ParseError } from '../errors/errors.js';
import { readLineBatches } from './line-batches.js';
import { inflateAhead, openObjectContent } from './object-content.js';

const collect = async (key: string, body: Buffer | Readable) => {
  const out: string[] = [];
  for await (const lines of readLineBatches(openObjectContent(key, body))) out.push(...lines);
  return out;
};

describe('readLineBatches', () => {
  it('gives the lines of lines(), across chunk boundaries and universal newlines', async () => {
    const text = 'a b\r\nc d\re\n\nf é\r\n'.repeat(3000) + 'last';
    const gz = gzipSync(text);
    const chunks = Array.from({ length: Math.ceil(gz.length / 7) }, (_, i) => gz.subarray(i * 7, i * 7 + 7));
    const expected: string[] = [];
    for await (const line of openObjectContent('k.gz', gz).lines()) expected.push(line);
    expect(await collect('k.gz', Readable.from(chunks))).toEqual(expected);
    expect(expected.at(-1)).toBe('last');
  });

  it('keeps the error classes: invalid UTF-8 is a DecompressError in a .gz, a ParseError in plain text', async () => {
    const bad = Buffer.from([0x61, 0x0a, 0xff, 0x0a]);
    await expect(collect('k.gz', gzipSync(bad))).rejects.toBeInstanceOf(DecompressError);
    await expect(collect('k.log', bad)).rejects.toBeInstanceOf(ParseError);
  });
});

describe('inflateAhead', () => {
  it('inflates a .gz body that then reads as the original', async () => {
    const ahead = await inflateAhead('k.json.gz', gzipSync('{"Records": []}'));
    expect(ahead.inflated).toBe(true);
    expect(await openObjectContent('k.json.gz', ahead.body, { inflated: true }).text()).toBe(
      '{"Records": []}',
    );
  });

  it('leaves other bodies as they are and rejects corrupt gzip with the reading error', async () => {
    const plain = Buffer.from('x');
    expect(await inflateAhead('k.log', plain)).toEqual({ body: plain, inflated: false });
    await expect(inflateAhead('k.gz', Buffer.from('not gzip'))).rejects.toBeInstanceOf(DecompressError);
  });

  it('keeps the .gz error class for invalid UTF-8 in an inflated body', async () => {
    const ahead = await inflateAhead('k.gz', gzipSync(Buffer.from([0xff])));
    await expect(openObjectContent('k.gz', ahead.body, { inflated: true }).text()).rejects.toBeInstanceOf(
      DecompressError,
    );
  });
});

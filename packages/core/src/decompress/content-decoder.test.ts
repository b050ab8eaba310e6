import { describe, expect, it } from 'vitest';
import { DecompressError, ParseError } from '../errors/errors.js';
import { createContentDecoder } from './content-decoder.js';
import { INVALID_GZIP } from './gunzip.js';
import { INVALID_ZIP } from './zip-directory.js';

const bad = Uint8Array.of(0x61, 0xff, 0x62);

describe('createContentDecoder (decision C20)', () => {
  it('decodes UTF-8 split across chunks', () => {
    const decoder = createContentDecoder('x.json.gz');
    const bytes = Buffer.from('José');
    expect(decoder.write(bytes.subarray(0, 4)) + decoder.write(bytes.subarray(4)) + decoder.end()).toBe(
      'José',
    );
  });

  it.each([
    ['x.json.gz', INVALID_GZIP],
    ['x.JSON.GZ', INVALID_GZIP],
    ['x.zip', INVALID_ZIP],
  ])('makes invalid UTF-8 in %s the reference decompression error', (key, text) => {
    const decoder = createContentDecoder(key);
    expect(() => decoder.write(bad)).toThrow(DecompressError);
    expect(() => createContentDecoder(key).write(bad)).toThrow(text);
  });

  it('keeps the UnicodeDecodeError of a plain object, also for a sequence cut at the end', () => {
    expect(() => createContentDecoder('x.json').write(bad)).toThrow(ParseError);
    const decoder = createContentDecoder('x.log');
    decoder.write(Uint8Array.of(0x61, 0xc3));
    expect(() => decoder.end()).toThrow(/unexpected end of data/);
  });
});

import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors/errors.js';
import { createUtf8Decoder, describeInvalidUtf8 } from './utf8-decoder.js';

const decodeChunks = (chunks: number[][]) => {
  const decoder = createUtf8Decoder();
  return chunks.map((c) => decoder.write(Uint8Array.from(c))).join('') + decoder.end();
};

describe('createUtf8Decoder', () => {
  it('decodes multi-byte characters split at every chunk boundary', () => {
    const bytes = [...Buffer.from('añ€😀z')];
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(decodeChunks([bytes.slice(0, cut), bytes.slice(cut)])).toBe('añ€😀z');
    }
    expect(decodeChunks(bytes.map((b) => [b]))).toBe('añ€😀z');
  });

  it('keeps a BOM as U+FEFF', () => {
    expect(
      decodeChunks([
        [0xef, 0xbb],
        [0xbf, 0x61],
      ]),
    ).toBe('\uFEFFa');
  });

  it('reports an invalid start byte with its stream offset, like Python', () => {
    expect(() =>
      decodeChunks([
        [0x61, 0x62],
        [0x63, 0xff],
      ]),
    ).toThrow(
      new ParseError(
        "'utf-8' codec can't decode byte 0xff in position 3: invalid start byte",
        undefined,
        'UnicodeDecodeError',
      ),
    );
  });

  it('reports an invalid continuation byte at the lead byte, across chunks', () => {
    expect(() => decodeChunks([[0x61, 0xe4], [0x41]])).toThrow(
      "'utf-8' codec can't decode byte 0xe4 in position 1: invalid continuation byte",
    );
  });

  it('reports data ending inside a sequence', () => {
    expect(() => decodeChunks([[0x61, 0xe2, 0x82]])).toThrow(
      "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data",
    );
    expect(() => decodeChunks([[0xc3]])).toThrow(
      "'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data",
    );
  });

  it('rejects surrogates and overlongs', () => {
    expect(describeInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]), 0, true)).toMatch(
      /invalid continuation byte/,
    );
    expect(describeInvalidUtf8(Uint8Array.from([0xc0, 0x80]), 10, true)).toMatch(
      /byte 0xc0 in position 10: invalid start/,
    );
    expect(() => decodeChunks([[0xe0, 0x80, 0x80]])).toThrow(ParseError);
    expect(() => decodeChunks([[0xff]])).toThrow(
      expect.objectContaining({ pythonType: 'UnicodeDecodeError' }),
    );
  });
});

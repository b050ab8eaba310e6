import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { parquetRows } from '../src/index.js';
import { bytesLiteral, decimalText, floatRepr } from '../src/security-lake/python-text.js';

/** A valid zstd frame made of raw (stored) blocks: enough for the reader's decompressor. */
function zstdStored(input: Uint8Array): Uint8Array {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0xa0]), Buffer.alloc(4)];
  parts[1]?.writeUInt32LE(input.length);
  const max = 128 * 1024;
  let offset = 0;
  do {
    const size = Math.min(max, input.length - offset);
    const last = offset + size >= input.length ? 1 : 0;
    const header = (size << 3) | last;
    parts.push(
      Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]),
      Buffer.from(input.subarray(offset, offset + size)),
    );
    offset += size;
  } while (offset < input.length);
  return Buffer.concat(parts);
}

const columns = () => [
  { name: 'id', data: [1n, 2n, 3n], type: 'INT64' as const },
  { name: 'name', data: ['a', 'ñ', null], type: 'STRING' as const },
  { name: 'score', data: [1, Number.NaN, Number.POSITIVE_INFINITY], type: 'DOUBLE' as const },
  {
    name: 'at',
    data: [new Date(Date.UTC(2025, 2, 9, 0, 33)), new Date(Date.UTC(2025, 2, 9, 0, 33, 0, 5)), null],
    type: 'TIMESTAMP' as const,
  },
  { name: 'ok', data: [true, false, null], type: 'BOOLEAN' as const },
];

async function rows(bytes: Uint8Array) {
  const out: string[] = [];
  for await (const json of parquetRows(bytes)) out.push(json);
  return out;
}

describe('parquetRows', () => {
  for (const codec of ['SNAPPY', 'GZIP', 'ZSTD'] as const) {
    it(`reads a ${codec} file, row group by row group, NaN/Infinity as null`, async () => {
      const buffer = parquetWriteBuffer({
        columnData: columns(),
        codec,
        compressors: { GZIP: (b: Uint8Array) => gzipSync(b), ZSTD: zstdStored },
        rowGroupSize: 2,
      });
      const got = await rows(new Uint8Array(buffer));
      expect(got).toEqual([
        '{"id": 1, "name": "a", "score": 1.0, "at": "2025-03-09 00:33:00+00:00", "ok": true}',
        '{"id": 2, "name": "\\u00f1", "score": null, "at": "2025-03-09 00:33:00.005000+00:00", "ok": false}',
        '{"id": 3, "name": null, "score": null, "at": null, "ok": null}',
      ]);
    });
  }

  it('reads nested structs, lists and maps in the reference forms (objects, arrays, [key, value] pairs)', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        {
          name: 's',
          data: [
            { a: 1, b: 'x' },
            { a: 2, b: null },
          ],
        },
        { name: 'l', data: [[1, 2], []] },
        { name: 'm', data: [{ k: 1 }, { z: 2, y: 3 }] },
      ],
      schema: [
        { name: 'root', num_children: 3 },
        { name: 's', repetition_type: 'OPTIONAL', num_children: 2 },
        { name: 'a', type: 'INT32', repetition_type: 'OPTIONAL' },
        { name: 'b', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'l', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'INT32', repetition_type: 'OPTIONAL' },
        { name: 'm', repetition_type: 'OPTIONAL', converted_type: 'MAP', num_children: 1 },
        { name: 'key_value', repetition_type: 'REPEATED', num_children: 2 },
        { name: 'key', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
        { name: 'value', type: 'INT32', repetition_type: 'OPTIONAL' },
      ],
    });
    expect(await rows(new Uint8Array(buffer))).toEqual([
      '{"s": {"a": 1, "b": "x"}, "l": [1, 2], "m": [["k", 1]]}',
      '{"s": {"a": 2, "b": null}, "l": [], "m": [["z", 2], ["y", 3]]}',
    ]);
  });

  it('fails on a file that is not Parquet', async () => {
    await expect(rows(Buffer.from('not parquet at all'))).rejects.toThrow();
    await expect(rows(new Uint8Array())).rejects.toThrow('Parquet file size is 0 bytes');
  });
});

describe('Python value forms', () => {
  it('writes floats, decimals and bytes as the reference', () => {
    expect([floatRepr(1), floatRepr(1e16), floatRepr(1e-5), floatRepr(0.5), floatRepr(123456789)]).toEqual([
      '1.0',
      '1e+16',
      '1e-05',
      '0.5',
      '123456789.0',
    ]);
    expect([
      decimalText(150n, 2),
      decimalText(125000000000n, 10),
      decimalText(0n, 10),
      decimalText(1000n, 10),
    ]).toEqual(['1.50', '12.5000000000', '0E-10', '1.000E-7']);
    expect(bytesLiteral(Uint8Array.from([0, 97, 98, 39]))).toBe(`b"\\x00ab'"`);
  });
});

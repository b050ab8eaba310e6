import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';
import { describe, expect, it } from 'vitest';
import { parquetRows } from '../src/index.js';
import { WINDOW_BYTES } from '../src/security-lake/column-pages.js';
import { readObjectFile } from '../src/security-lake/object-file.js';
import { withDataPageV1 } from './parquet-v1.js';

type WriteOptions = Omit<Parameters<typeof parquetWriteBuffer>[0], 'codec'>;

/** Python's `json.dumps` text (ensure_ascii, `, ` and `: `) of ints, strings, lists, dicts and None. */
function py(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string')
    return JSON.stringify(value).replace(
      /[\u0080-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  if (Array.isArray(value)) return `[${value.map(py).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${py(k)}: ${py(v)}`)
      .join(', ')}}`;
  return String(value);
}

async function rows(file: ArrayBuffer): Promise<string[]> {
  const out: string[] = [];
  for await (const json of parquetRows(new Uint8Array(file))) out.push(json);
  return out;
}

/** The same data as hyparquet-writer writes it (v2 pages) and as Arrow does (v1 pages). */
function layouts(options: WriteOptions): Array<[string, ArrayBuffer]> {
  const uncompressed = parquetWriteBuffer({ ...options, codec: 'UNCOMPRESSED' });
  return [
    ['v2 pages, SNAPPY', parquetWriteBuffer({ ...options, codec: 'SNAPPY' })],
    ['v1 pages, GZIP', withDataPageV1(uncompressed, { codec: 'GZIP', compress: (b) => gzipSync(b) })],
    ['v1 pages, SNAPPY', withDataPageV1(uncompressed, { codec: 'SNAPPY', compress: snappyCompress })],
  ];
}

const TEXTS = [
  '',
  'ascii',
  'ñ',
  'José Müller',
  '日本語',
  '😀 outside the BMP',
  'quote " and back\\slash',
  'control \u0001\t\n\r',
  'delete \u007f and line separator \u2028',
  '\ufeffstarts with a BOM',
];

describe('parquetRows, page by page', () => {
  const count = 3000;
  const text = (i: number) => (i % 7 === 3 ? null : `${TEXTS[i % TEXTS.length]}#${i}`);
  const label = (i: number) => (i % 11 === 5 ? null : (TEXTS[i % TEXTS.length] as string));
  const strings = (name: string, data: unknown[], encoding?: string, nullable = true) => ({
    name,
    data,
    type: 'STRING' as const,
    nullable,
    ...(encoding ? { encoding: encoding as 'PLAIN' } : {}),
  });

  for (const [layout, file] of layouts({
    columnData: [
      strings(
        'plain',
        Array.from({ length: count }, (_, i) => text(i)),
        'PLAIN',
      ),
      strings(
        'dictionary',
        Array.from({ length: count }, (_, i) => label(i)),
        'RLE_DICTIONARY',
      ),
      strings(
        'delta',
        Array.from({ length: count }, (_, i) => text(i)),
        'DELTA_BYTE_ARRAY',
      ),
      strings(
        'required',
        Array.from({ length: count }, (_, i) => `${label(i) ?? ''}${i}`),
        'PLAIN',
        false,
      ),
    ],
    // Small pages, so every column changes page at its own rows, and two row groups.
    pageSize: 512,
    rowGroupSize: 2000,
  }))
    it(`writes strings as the reference: multi-byte, empty, null, escaped, plain, dictionary and delta encoded (${layout})`, async () => {
      const got = await rows(file);
      expect(got).toHaveLength(count);
      got.forEach((row, i) => {
        const want = `{"plain": ${py(text(i))}, "dictionary": ${py(label(i))}, "delta": ${py(text(i))}, "required": ${py(`${label(i) ?? ''}${i}`)}}`;
        if (row !== want) expect({ i, row }).toEqual({ i, row: want });
      });
      expect(got[9]).toBe(
        '{"plain": "\\ufeffstarts with a BOM#9", "dictionary": "\\ufeffstarts with a BOM", "delta": "\\ufeffstarts with a BOM#9", "required": "\\ufeffstarts with a BOM9"}',
      );
    });

  const ints32 = [0, -1, 2147483647, -2147483648, 42, null];
  const ints64 = [
    0n,
    -1n,
    2n ** 53n - 1n,
    2n ** 53n,
    2n ** 53n + 1n,
    -(2n ** 53n) - 1n,
    2n ** 63n - 1n,
    -(2n ** 63n),
    1717200000000n,
    null,
  ];
  const doubles: Array<[number | null, string]> = [
    [1, '1.0'],
    [0.5, '0.5'],
    [1e16, '1e+16'],
    [1e-5, '1e-05'],
    [-0, '-0.0'],
    [Number.NaN, 'null'],
    [Number.POSITIVE_INFINITY, 'null'],
    [Number.NEGATIVE_INFINITY, 'null'],
    [123456789, '123456789.0'],
    [0.1, '0.1'],
    [null, 'null'],
  ];
  const floats: Array<[number | null, string]> = [
    [0.1, '0.10000000149011612'],
    [1, '1.0'],
    [-2.5, '-2.5'],
    [Number.NaN, 'null'],
    [null, 'null'],
  ];
  const bools = [true, false, null];
  const n = 700;
  const at = <T>(list: readonly T[], i: number) => list[(i * 7) % list.length] as T;
  const numbers = (name: string, type: string, data: unknown[], encoding: string) => ({
    name,
    type: type as 'INT32',
    data,
    encoding: encoding as 'PLAIN',
  });
  const column = <T>(list: readonly T[], f: (v: T) => unknown = (v) => v) =>
    Array.from({ length: n }, (_, i) => f(at(list, i)));

  for (const [layout, file] of layouts({
    columnData: [
      numbers('i32', 'INT32', column(ints32), 'PLAIN'),
      numbers('i32_dict', 'INT32', column(ints32), 'RLE_DICTIONARY'),
      numbers('i32_delta', 'INT32', column(ints32), 'DELTA_BINARY_PACKED'),
      numbers('i64', 'INT64', column(ints64), 'PLAIN'),
      numbers('i64_dict', 'INT64', column(ints64), 'RLE_DICTIONARY'),
      numbers(
        'f64',
        'DOUBLE',
        column(doubles, ([v]) => v),
        'PLAIN',
      ),
      numbers(
        'f64_split',
        'DOUBLE',
        column(doubles, ([v]) => v),
        'BYTE_STREAM_SPLIT',
      ),
      numbers(
        'f32',
        'FLOAT',
        column(floats, ([v]) => v),
        'PLAIN',
      ),
      numbers(
        'f32_dict',
        'FLOAT',
        column(floats, ([v]) => v),
        'RLE_DICTIONARY',
      ),
      numbers('flag', 'BOOLEAN', column(bools), 'PLAIN'),
      numbers('flag_rle', 'BOOLEAN', column(bools), 'RLE'),
    ],
    pageSize: 256,
    rowGroupSize: 300,
  }))
    it(`writes integers, floats and booleans as the reference, in every encoding (${layout})`, async () => {
      const got = await rows(file);
      expect(got).toHaveLength(n);
      got.forEach((row, i) => {
        const int32 = py(at(ints32, i));
        const int64 = py(at(ints64, i));
        const double = at(doubles, i)[1];
        const float = at(floats, i)[1];
        const bool = py(at(bools, i));
        const want =
          `{"i32": ${int32}, "i32_dict": ${int32}, "i32_delta": ${int32}, "i64": ${int64}, "i64_dict": ${int64}, ` +
          `"f64": ${double}, "f64_split": ${double}, "f32": ${float}, "f32_dict": ${float}, "flag": ${bool}, "flag_rle": ${bool}}`;
        if (row !== want) expect({ i, row }).toEqual({ i, row: want });
      });
    });

  it('reads lists whose rows go on from one v1 page to the next, with structs and maps beside them', async () => {
    const count = 400;
    const list = (i: number) => (i % 9 === 4 ? null : Array.from({ length: i % 6 }, (_, j) => i * 10 + j));
    const struct = (i: number) => (i % 5 === 2 ? null : { a: i, b: i % 3 ? TEXTS[i % TEXTS.length] : null });
    const map = (i: number) => (i % 8 === 1 ? null : { [`k${i}`]: i, ñ: i % 2 ? null : -i });
    const options: WriteOptions = {
      columnData: [
        { name: 'l', data: Array.from({ length: count }, (_, i) => list(i)) },
        { name: 's', data: Array.from({ length: count }, (_, i) => struct(i)) },
        { name: 'm', data: Array.from({ length: count }, (_, i) => map(i)) },
        { name: 'n', data: Array.from({ length: count }, (_, i) => i) },
      ],
      schema: [
        { name: 'root', num_children: 4 },
        { name: 'l', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'INT32', repetition_type: 'OPTIONAL' },
        { name: 's', repetition_type: 'OPTIONAL', num_children: 2 },
        { name: 'a', type: 'INT32', repetition_type: 'OPTIONAL' },
        { name: 'b', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'm', repetition_type: 'OPTIONAL', converted_type: 'MAP', num_children: 1 },
        { name: 'key_value', repetition_type: 'REPEATED', num_children: 2 },
        { name: 'key', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
        { name: 'value', type: 'INT32', repetition_type: 'OPTIONAL' },
        { name: 'n', type: 'INT32', repetition_type: 'OPTIONAL' },
      ],
      pageSize: 64,
    };
    const want = Array.from({ length: count }, (_, i) => {
      const m = map(i);
      return `{"l": ${py(list(i))}, "s": ${py(struct(i))}, "m": ${m ? py(Object.entries(m)) : 'null'}, "n": ${i}}`;
    });
    const uncompressed = parquetWriteBuffer({ ...options, codec: 'UNCOMPRESSED' });
    const split = withDataPageV1(uncompressed, { splitRows: true });
    // The helper did split rows: the list column has more pages than rows fit in.
    expect(split.byteLength).toBeGreaterThan(withDataPageV1(uncompressed).byteLength);
    for (const file of [
      parquetWriteBuffer({ ...options, codec: 'SNAPPY' }),
      withDataPageV1(uncompressed),
      split,
    ])
      expect(await rows(file)).toEqual(want);
  });

  it('reads each column chunk a window at a time, whatever the size of its pages', async () => {
    const count = 600;
    const long = (i: number) => `${i} ${TEXTS[i % TEXTS.length]}${'x'.repeat(900 + (i % 50))}`;
    const file = parquetWriteBuffer({
      columnData: [
        // Pages of about 4 kB: their headers fall across window boundaries.
        { name: 'small_pages', data: Array.from({ length: count }, (_, i) => long(i)), type: 'STRING' },
        { name: 'n', data: Array.from({ length: count }, (_, i) => i), type: 'INT32' },
      ],
      pageSize: 4096,
      codec: 'UNCOMPRESSED',
    });
    const one = parquetWriteBuffer({
      // One page larger than a window.
      columnData: [
        { name: 'one_page', data: Array.from({ length: count }, (_, i) => long(i)), type: 'STRING' },
      ],
      pageSize: 4 * WINDOW_BYTES,
      codec: 'UNCOMPRESSED',
    });
    for (const [buffer, row, largestRead] of [
      [file, (i: number) => `{"small_pages": ${py(long(i))}, "n": ${i}}`, WINDOW_BYTES],
      [one, (i: number) => `{"one_page": ${py(long(i))}}`, one.byteLength],
    ] as const) {
      const bytes = new Uint8Array(buffer);
      const slices: number[] = [];
      const reader = {
        byteLength: bytes.length,
        slice(start: number, end = bytes.length) {
          slices.push(end - start);
          return bytes.slice(start, end).buffer;
        },
      };
      const got: string[] = [];
      for await (const json of parquetRows(reader)) got.push(json);
      expect(got).toEqual(Array.from({ length: count }, (_, i) => row(i)));
      // After the footer, every byte is read about once (a page that does not fit what is left
      // of a window starts the next one), at most a window or a page at a time.
      const pages = slices.slice(1);
      expect(bytes.length).toBeGreaterThan(2 * WINDOW_BYTES);
      expect(pages.reduce((a, b) => a + b, 0)).toBeLessThan(2 * bytes.length);
      expect(Math.max(...pages)).toBeLessThanOrEqual(largestRead);
    }
  });

  it('writes the rows of Arrow-written Security Lake files byte for byte as the reference sent them', async () => {
    const fixtures = new URL('./fixtures/', import.meta.url).pathname;
    const sent = readFileSync(join(fixtures, 'sub-security-lake', 'messages.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { msg: string }).msg.slice('1:Wazuh-AWS:'.length));
    const got: string[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
      );
    for (const path of walk(join(fixtures, 'objects', 'sub-security-lake')).sort())
      got.push(...(await rows(new Uint8Array(readFileSync(path)).buffer)));
    expect(got).toHaveLength(7);
    expect([...got].sort()).toEqual([...sent].sort());
  });

  it('reads a spilled object as it reads one in memory', async () => {
    const data = Array.from({ length: 2000 }, (_, i) => `${i} ${TEXTS[i % TEXTS.length]}`);
    const file = new Uint8Array(
      parquetWriteBuffer({
        columnData: [{ name: 's', data, type: 'STRING' }],
        pageSize: 1024,
        rowGroupSize: 700,
      }),
    );
    const chunks = Array.from({ length: Math.ceil(file.length / 999) }, (_, i) =>
      Buffer.from(file.subarray(i * 999, (i + 1) * 999)),
    );
    const object = await readObjectFile(Readable.from(chunks), 1000);
    try {
      expect(object.path).toBeDefined();
      const got: string[] = [];
      for await (const json of parquetRows(object.file)) got.push(json);
      expect(got).toEqual(data.map((s) => `{"s": ${py(s)}}`));
    } finally {
      await object.close();
    }
  });

  it('writes lists of structs holding lists, and maps of structs, across v1 pages that split rows', async () => {
    const count = 300;
    const events = (i: number) =>
      i % 10 === 7
        ? null
        : Array.from({ length: i % 4 }, (_, j) =>
            (i + j) % 5 === 0 ? null : { id: i * 10 + j, tags: j % 2 ? null : [`t${i}`, null, 'ñ'] },
          );
    const labels = (i: number) =>
      i % 6 === 1
        ? null
        : Object.fromEntries(Array.from({ length: i % 3 }, (_, j) => [`k${j}`, j ? { n: i } : null]));
    const options: WriteOptions = {
      columnData: [
        { name: 'events', data: Array.from({ length: count }, (_, i) => events(i)) },
        { name: 'labels', data: Array.from({ length: count }, (_, i) => labels(i)) },
      ],
      schema: [
        { name: 'root', num_children: 2 },
        { name: 'events', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
        { name: 'id', type: 'INT32', repetition_type: 'REQUIRED' },
        { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'labels', repetition_type: 'OPTIONAL', converted_type: 'MAP', num_children: 1 },
        { name: 'key_value', repetition_type: 'REPEATED', num_children: 2 },
        { name: 'key', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
        { name: 'value', repetition_type: 'OPTIONAL', num_children: 1 },
        { name: 'n', type: 'INT32', repetition_type: 'OPTIONAL' },
      ],
      pageSize: 48,
    };
    const want = Array.from({ length: count }, (_, i) => {
      const map = labels(i);
      return `{"events": ${py(events(i))}, "labels": ${map ? py(Object.entries(map)) : 'null'}}`;
    });
    const uncompressed = parquetWriteBuffer({ ...options, codec: 'UNCOMPRESSED' });
    for (const file of [uncompressed, withDataPageV1(uncompressed, { splitRows: true })])
      expect(await rows(file)).toEqual(want);
  });

  it('writes map entries in file order with typed keys, struct fields in schema order, as the reference', async () => {
    const file = parquetWriteBuffer({
      columnData: [
        {
          name: 'm',
          data: [
            new Map([
              [10, 'a'],
              [2, 'b'],
            ]),
            new Map(),
          ],
        },
        { name: 's', data: [{ b: 1, 1: 'one' }, null] },
      ],
      schema: [
        { name: 'root', num_children: 2 },
        { name: 'm', repetition_type: 'OPTIONAL', converted_type: 'MAP', num_children: 1 },
        { name: 'key_value', repetition_type: 'REPEATED', num_children: 2 },
        { name: 'key', type: 'INT32', repetition_type: 'REQUIRED' },
        { name: 'value', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 's', repetition_type: 'OPTIONAL', num_children: 2 },
        { name: 'b', type: 'INT32', repetition_type: 'OPTIONAL' },
        { name: '1', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      ],
    });
    expect(await rows(file)).toEqual([
      '{"m": [[10, "a"], [2, "b"]], "s": {"b": 1, "1": "one"}}',
      '{"m": [], "s": null}',
    ]);
  });

  it('leaves a column of another shape (VARIANT) to hyparquet, beside columns read by page', async () => {
    const file = parquetWriteBuffer({
      columnData: [
        { name: 'v', data: [{ a: 1 }, null, [1, 2], 'text'], type: 'VARIANT' },
        { name: 'n', data: [1, 2, 3, 4], type: 'INT32' },
      ],
    });
    const got = (await rows(file)).map((row) => JSON.parse(row) as { v: unknown; n: number });
    expect(got.map((row) => row.n)).toEqual([1, 2, 3, 4]);
    expect(got.map((row) => row.v === null)).toEqual([false, true, false, false]);
  });

  it('writes annotated integers as stored, and unsigned 32-bit ones widened', async () => {
    const file = parquetWriteBuffer({
      columnData: [
        { name: 'i8', data: [-128, 127, null] },
        { name: 'u16', data: [65535, 0, 1] },
        { name: 'u32', data: [4294967295, 0, null] },
        { name: 'i64', data: [-(2n ** 62n), 7n, null] },
      ],
      schema: [
        { name: 'root', num_children: 4 },
        { name: 'i8', type: 'INT32', converted_type: 'INT_8', repetition_type: 'OPTIONAL' },
        { name: 'u16', type: 'INT32', converted_type: 'UINT_16', repetition_type: 'REQUIRED' },
        { name: 'u32', type: 'INT32', converted_type: 'UINT_32', repetition_type: 'OPTIONAL' },
        {
          name: 'i64',
          type: 'INT64',
          logical_type: { type: 'INTEGER', bitWidth: 64, isSigned: true },
          repetition_type: 'OPTIONAL',
        },
      ],
    });
    expect(await rows(file)).toEqual([
      '{"i8": -128, "u16": 65535, "u32": 4294967295, "i64": -4611686018427387904}',
      '{"i8": 127, "u16": 0, "u32": 0, "i64": 7}',
      '{"i8": null, "u16": 1, "u32": null, "i64": null}',
    ]);
  });
});

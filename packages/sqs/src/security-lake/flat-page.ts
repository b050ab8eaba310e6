import type { DataReader, PageHeader } from 'hyparquet';
import type { ParquetLib } from './parquet-lib.js';
import { floatRepr, stringText } from './python-text.js';

/** The plain value types written without building a value first. */
export type FlatKind = 'string' | 'int' | 'float' | 'bool';

/** One data page of a flat column, handing out each row's JSON text in order. */
export interface PageText {
  readonly rows: number;
  next(): string;
}

/** What a flat column's pages need from their chunk: its types, codec and dictionary. */
export interface FlatChunk {
  readonly lib: ParquetLib;
  /** The value type when it is read here, undefined when only hyparquet's path reads it. */
  readonly kind: FlatKind | undefined;
  readonly type: string;
  /** The chunk's codec, applied to a page's bytes given its uncompressed size. */
  decompress(bytes: Uint8Array, size: number): Uint8Array;
  /** 1 when the column is optional (definition levels 0 or 1, one bit each), 0 when required. */
  readonly maxDefinitionLevel: 0 | 1;
  /** JSON text of each dictionary entry, once the dictionary page is read. */
  readonly dictionary: readonly string[] | undefined;
}

// Buffer's own decoders: what `toString('utf8', start, end)` calls, without its argument checks.
// Invalid bytes become U+FFFD exactly as with TextDecoder; a leading BOM is kept, as in Arrow.
type SliceDecoder = (this: Buffer, start: number, end: number) => string;
const utf8Slice: SliceDecoder =
  (Buffer.prototype as unknown as { utf8Slice?: SliceDecoder }).utf8Slice ??
  function (this: Buffer, start: number, end: number) {
    return this.toString('utf8', start, end);
  };

/** The page's bytes as stored (after its header). */
const rawBytes = (raw: DataReader, header: PageHeader) =>
  new Uint8Array(raw.view.buffer, raw.view.byteOffset + raw.offset, header.compressed_page_size);

/**
 * A flat optional column's definition levels (1: a value, 0: null) as the rows' presence, or
 * undefined when no row is null.
 */
function presence(levels: Uint8Array): { present: Uint8Array | undefined; nulls: number } {
  let nulls = 0;
  for (let i = 0; i < levels.length; i++) if (levels[i] === 0) nulls++;
  return { present: nulls === 0 ? undefined : levels, nulls };
}

/**
 * The text of each value of a values section (`count` values from `start`), read on demand from
 * the page's bytes: no value is built before its row is written. Only for what {@link readable}
 * accepts.
 */
function valueText(
  chunk: FlatChunk,
  encoding: string,
  bytes: Uint8Array,
  start: number,
  count: number,
): (index: number) => string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'PLAIN_DICTIONARY' || encoding === 'RLE_DICTIONARY') {
    const dictionary = chunk.dictionary ?? [];
    const indexes = new Int32Array(count);
    if (count > 0) {
      const bitWidth = view.getUint8(start);
      const reader: DataReader = { view, offset: start + 1 };
      if (bitWidth) chunk.lib.readRleBitPackedHybrid(reader, bitWidth, indexes, bytes.length - start - 1);
    }
    return (index) => dictionary[indexes[index] as number] ?? 'null';
  }
  switch (chunk.type) {
    case 'BYTE_ARRAY': {
      // Offsets of each value's 4-byte length: value i is the bytes [offsets[i] + 4, offsets[i + 1]).
      const offsets = new Int32Array(count + 1);
      let position = start;
      for (let i = 0; i < count; i++) {
        offsets[i] = position;
        position += 4 + view.getUint32(position, true);
      }
      if (position > bytes.length) throw new Error('parquet byte array values run past their page');
      offsets[count] = position;
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return (index) =>
        stringText(utf8Slice.call(buffer, (offsets[index] as number) + 4, offsets[index + 1] as number));
    }
    case 'INT32':
      return (index) => String(view.getInt32(start + index * 4, true));
    case 'INT64':
      return (index) => {
        const low = view.getUint32(start + index * 8, true);
        const high = view.getInt32(start + index * 8 + 4, true);
        // Exact as a double below 2^53; larger values go through BigInt.
        return high >= -0x200000 && high < 0x200000
          ? String(high * 0x100000000 + low)
          : view.getBigInt64(start + index * 8, true).toString();
      };
    case 'FLOAT':
    case 'DOUBLE': {
      const read =
        chunk.type === 'FLOAT'
          ? (index: number) => view.getFloat32(start + index * 4, true)
          : (index: number) => view.getFloat64(start + index * 8, true);
      return (index) => {
        const value = read(index);
        return Number.isFinite(value) ? floatRepr(value) : 'null';
      };
    }
    case 'BOOLEAN':
      return (index) => ((view.getUint8(start + (index >> 3)) >> (index & 7)) & 1 ? 'true' : 'false');
    default:
      throw new Error(`parquet type ${chunk.type} is not read as plain text`);
  }
}

function pageText(rows: number, present: Uint8Array | undefined, text: (index: number) => string): PageText {
  let row = 0;
  let value = 0;
  return {
    rows,
    next() {
      if (present !== undefined && present[row++] === 0) return 'null';
      return text(value++);
    },
  };
}

function dataPageV1(chunk: FlatChunk, header: PageHeader, raw: DataReader): PageText {
  const v1 = header.data_page_header;
  if (v1 === undefined) throw new Error('parquet data page header is undefined');
  const page = chunk.decompress(rawBytes(raw, header), header.uncompressed_page_size);
  const rows = v1.num_values;
  let offset = 0;
  let present: Uint8Array | undefined;
  let nulls = 0;
  if (chunk.maxDefinitionLevel > 0) {
    const levels = new Uint8Array(rows);
    const reader: DataReader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset };
    chunk.lib.readRleBitPackedHybrid(reader, 1, levels);
    offset = reader.offset;
    ({ present, nulls } = presence(levels));
  }
  return pageText(rows, present, valueText(chunk, v1.encoding, page, offset, rows - nulls));
}

function dataPageV2(chunk: FlatChunk, header: PageHeader, raw: DataReader): PageText {
  const v2 = header.data_page_header_v2;
  if (v2 === undefined) throw new Error('parquet data page header v2 is undefined');
  const bytes = rawBytes(raw, header);
  const rows = v2.num_values;
  let present: Uint8Array | undefined;
  if (chunk.maxDefinitionLevel > 0) {
    // Levels come first and are never compressed.
    const levels = new Uint8Array(rows);
    const reader: DataReader = {
      view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      offset: v2.repetition_levels_byte_length,
    };
    chunk.lib.readRleBitPackedHybrid(reader, 1, levels, v2.definition_levels_byte_length);
    present = presence(levels).present;
  }
  const levelBytes = v2.repetition_levels_byte_length + v2.definition_levels_byte_length;
  const size = header.uncompressed_page_size - levelBytes;
  let values = bytes.subarray(levelBytes);
  // A page without values may have no compressed bytes at all, which no codec accepts.
  if (v2.is_compressed !== false && size) values = chunk.decompress(values, size);
  return pageText(rows, present, valueText(chunk, v2.encoding, values, 0, v2.num_values - v2.num_nulls));
}

/** Whether values of this encoding are read here: plain ones of a known kind, or dictionary indexes. */
function readable(chunk: FlatChunk, encoding: string | undefined): boolean {
  if (encoding === 'PLAIN_DICTIONARY' || encoding === 'RLE_DICTIONARY') return chunk.dictionary !== undefined;
  return encoding === 'PLAIN' && chunk.kind !== undefined;
}

/**
 * A data page of a flat column as text, or undefined when hyparquet must decode it (an encoding
 * or type not read here).
 */
export function flatPageText(chunk: FlatChunk, header: PageHeader, raw: DataReader): PageText | undefined {
  if (header.type === 'DATA_PAGE' && readable(chunk, header.data_page_header?.encoding))
    return dataPageV1(chunk, header, raw);
  if (header.type === 'DATA_PAGE_V2' && readable(chunk, header.data_page_header_v2?.encoding))
    return dataPageV2(chunk, header, raw);
  return undefined;
}

import type { DataReader, DecodedArray, PageHeader } from 'hyparquet';
import type { ColumnDecoder } from './leaf-cursor.js';
import type { ParquetLib } from './parquet-lib.js';
import { valueText } from './plain-values.js';

/** The plain value types whose pages are written from their bytes. */
export type PlainKind = 'string' | 'int' | 'float' | 'bool';

/**
 * One data page of a leaf column: the levels of its entries (one entry per value or null, or
 * empty list, in Dremel order) and the JSON text of each value, made only when it is asked for.
 */
export interface LeafPage {
  readonly entries: number;
  /** Each entry's definition level; undefined when all are at the max (all are values). */
  readonly definition: ArrayLike<number> | undefined;
  /** Each entry's repetition level; undefined when all are 0 (one entry per row). */
  readonly repetition: ArrayLike<number> | undefined;
  /** The JSON text of the page's `index`-th value (entries at the max definition level). */
  text(index: number): string;
}

/** What the pages of one leaf column chunk share. */
export interface LeafChunk {
  readonly lib: ParquetLib;
  readonly decoder: ColumnDecoder;
  /** The value type when plain pages are read here, undefined when hyparquet reads them. */
  readonly kind: PlainKind | undefined;
  readonly maxDefinitionLevel: number;
  readonly maxRepetitionLevel: number;
  /** How hyparquet's (converted) values are written. */
  readonly format: (value: unknown) => string;
  /** The dictionary as hyparquet converts it, and as JSON text, once its page is read. */
  readonly dictionary: { values: DecodedArray; texts: readonly string[] } | undefined;
}

const bitWidth = (value: number) => 32 - Math.clz32(value);

/** The page's bytes as stored (after its header). */
const storedBytes = (raw: DataReader, header: PageHeader) =>
  new Uint8Array(raw.view.buffer, raw.view.byteOffset + raw.offset, header.compressed_page_size);

/** The page's bytes decompressed with the chunk's codec (`size` bytes once decompressed). */
const decompress = (chunk: LeafChunk, bytes: Uint8Array, size: number) =>
  chunk.lib.decompressPage(bytes, size, chunk.decoder.codec, chunk.decoder.compressors);

/** RLE/bit-packed levels of `count` entries (`length` bytes, or after a 4-byte length). */
function readLevels(chunk: LeafChunk, reader: DataReader, maxLevel: number, count: number, length?: number) {
  // Levels are small: a byte each (Int32Array when a schema nests more than 255 levels deep).
  const levels = maxLevel < 256 ? new Uint8Array(count) : new Int32Array(count);
  chunk.lib.readRleBitPackedHybrid(reader, bitWidth(maxLevel), levels, length);
  return levels;
}

/** The levels unless every entry is at `maxLevel` (or all at 0 for repetition). */
function unlessAll(levels: Uint8Array | Int32Array | undefined, value: number) {
  if (levels === undefined) return undefined;
  for (let i = 0; i < levels.length; i++) if (levels[i] !== value) return levels;
  return undefined;
}

function countAt(levels: ArrayLike<number> | undefined, value: number, entries: number): number {
  if (levels === undefined) return entries;
  let count = 0;
  for (let i = 0; i < levels.length; i++) if (levels[i] === value) count++;
  return count;
}

/** Whether values of this encoding are read here: plain ones of a known kind, or dictionary indexes. */
function readable(chunk: LeafChunk, encoding: string | undefined): boolean {
  if (encoding === 'PLAIN_DICTIONARY' || encoding === 'RLE_DICTIONARY') return chunk.dictionary !== undefined;
  return encoding === 'PLAIN' && chunk.kind !== undefined;
}

function dataPageV1(chunk: LeafChunk, header: PageHeader, raw: DataReader): LeafPage {
  const v1 = header.data_page_header;
  if (v1 === undefined) throw new Error('parquet data page header is undefined');
  const { maxDefinitionLevel, maxRepetitionLevel } = chunk;
  const page = decompress(chunk, storedBytes(raw, header), header.uncompressed_page_size);
  const entries = v1.num_values;
  const reader: DataReader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
  const repetition =
    maxRepetitionLevel > 0 ? readLevels(chunk, reader, maxRepetitionLevel, entries) : undefined;
  const definition =
    maxDefinitionLevel > 0 ? readLevels(chunk, reader, maxDefinitionLevel, entries) : undefined;
  const values = countAt(definition, maxDefinitionLevel, entries);
  return {
    entries,
    definition: unlessAll(definition, maxDefinitionLevel),
    repetition: unlessAll(repetition, 0),
    text: valueText(chunk, v1.encoding, page, reader.offset, values),
  };
}

function dataPageV2(chunk: LeafChunk, header: PageHeader, raw: DataReader): LeafPage {
  const v2 = header.data_page_header_v2;
  if (v2 === undefined) throw new Error('parquet data page header v2 is undefined');
  const { maxDefinitionLevel, maxRepetitionLevel } = chunk;
  const bytes = storedBytes(raw, header);
  const entries = v2.num_values;
  // Levels come first and are never compressed.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const repetitionBytes = v2.repetition_levels_byte_length;
  const repetition =
    maxRepetitionLevel > 0
      ? readLevels(chunk, { view, offset: 0 }, maxRepetitionLevel, entries, repetitionBytes)
      : undefined;
  const definition =
    maxDefinitionLevel > 0
      ? readLevels(
          chunk,
          { view, offset: repetitionBytes },
          maxDefinitionLevel,
          entries,
          v2.definition_levels_byte_length,
        )
      : undefined;
  const levelBytes = repetitionBytes + v2.definition_levels_byte_length;
  const size = header.uncompressed_page_size - levelBytes;
  let values = bytes.subarray(levelBytes);
  // A page without values may have no compressed bytes at all, which no codec accepts.
  if (v2.is_compressed !== false && size) values = decompress(chunk, values, size);
  return {
    entries,
    definition: unlessAll(definition, maxDefinitionLevel),
    repetition: unlessAll(repetition, 0),
    text: valueText(chunk, v2.encoding, values, 0, v2.num_values - v2.num_nulls),
  };
}

/** A page of an encoding or type not read here, decoded by hyparquet (values, then levels). */
function decodedPage(chunk: LeafChunk, header: PageHeader, raw: DataReader): LeafPage {
  const { lib, decoder, format } = chunk;
  let levels: ReturnType<ParquetLib['readDataPage']>;
  let entries: number;
  let encoding: string;
  if (header.type === 'DATA_PAGE') {
    const v1 = header.data_page_header;
    if (v1 === undefined) throw new Error('parquet data page header is undefined');
    const page = decompress(chunk, storedBytes(raw, header), header.uncompressed_page_size);
    levels = lib.readDataPage(page, v1, decoder);
    entries = v1.num_values;
    encoding = v1.encoding;
  } else {
    const v2 = header.data_page_header_v2;
    if (v2 === undefined) throw new Error('parquet data page header v2 is undefined');
    levels = lib.readDataPageV2(storedBytes(raw, header), header, decoder);
    entries = v2.num_values;
    encoding = v2.encoding;
  }
  const values = lib.convertWithDictionary(
    levels.dataPage,
    chunk.dictionary?.values,
    encoding as Parameters<ParquetLib['convertWithDictionary']>[2],
    decoder,
  );
  return {
    entries,
    definition: levels.definitionLevels?.length ? levels.definitionLevels : undefined,
    repetition: levels.repetitionLevels.length ? levels.repetitionLevels : undefined,
    text: (index) => format(values[index]),
  };
}

/** A data page (v1 or v2) of a leaf column. */
export function leafPage(chunk: LeafChunk, header: PageHeader, raw: DataReader): LeafPage {
  if (header.type === 'DATA_PAGE') {
    return readable(chunk, header.data_page_header?.encoding)
      ? dataPageV1(chunk, header, raw)
      : decodedPage(chunk, header, raw);
  }
  if (header.type === 'DATA_PAGE_V2') {
    return readable(chunk, header.data_page_header_v2?.encoding)
      ? dataPageV2(chunk, header, raw)
      : decodedPage(chunk, header, raw);
  }
  throw new Error(`parquet unsupported page type: ${header.type}`);
}

import type { DecodedArray, SchemaTree } from 'hyparquet';
import type { ColumnPages } from './column-pages.js';
import { type FlatChunk, type FlatKind, flatPageText, type PageText } from './flat-page.js';
import type { ColumnDecoder, LeafCursor } from './leaf-cursor.js';
import type { ParquetLib } from './parquet-lib.js';
import { convertValue, type SchemaNode } from './parquet-values.js';
import { floatRepr, rowJson, stringText } from './python-text.js';

/** A top-level column of a row group, giving the JSON text of its value row by row. */
export interface ColumnText {
  /** How many rows {@link next} can give now: at least one unless the column has ended. */
  fill(): Promise<number>;
  /** The JSON text of the next row's value. */
  next(): string;
}

/** The plain type of a leaf whose values are written as they are read, if it is one. */
export function flatKind(node: SchemaNode): FlatKind | undefined {
  const { type, converted_type: ctype, logical_type: ltype } = node.element;
  const utf8 =
    (ctype === 'UTF8' && (ltype === undefined || ltype.type === 'STRING')) ||
    (ctype === undefined && ltype?.type === 'STRING');
  if (type === 'BYTE_ARRAY' && utf8) return 'string';
  if (ctype !== undefined || ltype !== undefined) return undefined;
  if (type === 'INT32' || type === 'INT64') return 'int';
  if (type === 'FLOAT' || type === 'DOUBLE') return 'float';
  if (type === 'BOOLEAN') return 'bool';
  return undefined;
}

type Format = (value: unknown) => string;

const nullOr =
  (format: Format): Format =>
  (value) =>
    value === null || value === undefined ? 'null' : format(value);

const FORMATS: Record<FlatKind, Format> = {
  string: nullOr((value) => stringText(value as string)),
  int: nullOr((value) => (typeof value === 'bigint' ? value.toString() : String(value))),
  float: nullOr((value) => (Number.isFinite(value) ? floatRepr(value as number) : 'null')),
  bool: nullOr((value) => (value ? 'true' : 'false')),
};

/**
 * How a leaf's values, as hyparquet decodes them, are written: the plain types directly, anything
 * else through {@link convertValue} and {@link rowJson} (the same text, the long way).
 */
export function leafFormat(node: SchemaNode): Format {
  const kind = flatKind(node);
  return kind ? FORMATS[kind] : (value) => rowJson(convertValue(value, node));
}

/**
 * A column that is one leaf with no struct, list or map above it. Its plain and dictionary pages
 * are written from their bytes ({@link flatPageText}); other encodings and types are decoded by
 * hyparquet a page at a time.
 */
export function flatColumnText(
  lib: ParquetLib,
  pages: ColumnPages,
  decoder: ColumnDecoder,
  node: SchemaNode,
): ColumnText {
  const format = leafFormat(node);
  let dictionary: DecodedArray | undefined;
  const chunk: FlatChunk & { dictionary: string[] | undefined } = {
    lib,
    kind: flatKind(node),
    type: decoder.type,
    maxDefinitionLevel: node.element.repetition_type === 'REQUIRED' ? 0 : 1,
    dictionary: undefined,
    decompress: (bytes, size) => lib.decompressPage(bytes, size, decoder.codec, decoder.compressors),
  };
  /** A page hyparquet decodes: its values, nulls included, written one by one. */
  const decodedPage = (values: DecodedArray): PageText => {
    let row = 0;
    return { rows: values.length, next: () => format(values[row++]) };
  };
  let page: PageText = decodedPage([]);
  let left = 0;
  return {
    async fill() {
      while (left === 0) {
        const raw = await pages.next();
        if (raw === undefined) return 0;
        if (raw.header.type === 'DICTIONARY_PAGE') {
          const { data } = lib.readPage(raw.reader, raw.header, decoder, undefined, undefined, 0);
          dictionary = data && lib.convert(data, decoder);
          chunk.dictionary = dictionary && Array.from(dictionary, format);
          continue;
        }
        page =
          flatPageText(chunk, raw.header, raw.reader) ??
          decodedPage(lib.readPage(raw.reader, raw.header, decoder, dictionary, undefined, 0).data ?? []);
        left = page.rows;
      }
      return left;
    },
    next() {
      left--;
      return page.next();
    },
  };
}

/**
 * A struct, list or map column: its leaves are read in step, and each run of rows they all have
 * ready is assembled by hyparquet into values, then written as the reference does.
 */
export function nestedColumnText(
  lib: ParquetLib,
  node: SchemaTree,
  leaves: ReadonlyArray<{ path: string; cursor: LeafCursor }>,
): ColumnText {
  let values: DecodedArray = [];
  let index = 0;
  const schema = node as unknown as SchemaNode;
  return {
    async fill() {
      if (index < values.length) return values.length - index;
      let count = Number.POSITIVE_INFINITY;
      for (const { cursor } of leaves) count = Math.min(count, await cursor.fill());
      if (count === 0 || leaves.length === 0) return 0;
      const columns = new Map<string, DecodedArray>();
      for (const { path, cursor } of leaves) columns.set(path, cursor.take(count));
      lib.assembleNested(columns, node, lib.parsers);
      values = columns.get(node.element.name) ?? [];
      index = 0;
      return values.length;
    },
    next: () => rowJson(convertValue(values[index++], schema)),
  };
}

import type { DecodedArray, SchemaTree } from 'hyparquet';
import type { LeafCursor } from './leaf-cursor.js';
import type { PlainKind } from './leaf-page.js';
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

/** Integers hyparquet leaves as stored: all but unsigned 32 and 64-bit ones, which it widens. */
function plainInteger(ctype: string | undefined, ltype: SchemaNode['element']['logical_type']): boolean {
  if (ltype !== undefined)
    return ltype.type === 'INTEGER' && (ltype.isSigned === true || (ltype.bitWidth ?? 64) < 32);
  return ctype === undefined || ['INT_8', 'INT_16', 'INT_32', 'INT_64', 'UINT_8', 'UINT_16'].includes(ctype);
}

/** The plain type of a leaf whose values are written as they are read, if it is one. */
export function plainKind(node: SchemaNode): PlainKind | undefined {
  const { type, converted_type: ctype, logical_type: ltype } = node.element;
  const utf8 =
    (ctype === 'UTF8' && (ltype === undefined || ltype.type === 'STRING')) ||
    (ctype === undefined && ltype?.type === 'STRING');
  if (type === 'BYTE_ARRAY' && utf8) return 'string';
  if ((type === 'INT32' || type === 'INT64') && plainInteger(ctype, ltype)) return 'int';
  if (ctype !== undefined || ltype !== undefined) return undefined;
  if (type === 'FLOAT' || type === 'DOUBLE') return 'float';
  if (type === 'BOOLEAN') return 'bool';
  return undefined;
}

type Format = (value: unknown) => string;

const nullOr =
  (format: Format): Format =>
  (value) =>
    value === null || value === undefined ? 'null' : format(value);

const FORMATS: Record<PlainKind, Format> = {
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
  const kind = plainKind(node);
  return kind ? FORMATS[kind] : (value) => rowJson(convertValue(value, node));
}

/**
 * A column of a shape `columnWriter` leaves to hyparquet: its leaves are read in step, and
 * each run of rows they all have ready is assembled by hyparquet into values, then written as the
 * reference does. Each page's values are all built at once (hyparquet's nested arrays).
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

import { bytesLiteral, decimalText, PyFloat } from './python-text.js';

/** A timestamp as hyparquet hands it to our parsers: microseconds, plus a sub-microsecond rest. */
export class RawTime {
  constructor(
    readonly micros: bigint,
    readonly nanosRest: bigint,
  ) {}
}

/** A DATE value in days since the epoch. */
export class RawDate {
  constructor(readonly days: number) {}
}

/** UTF-8 as Arrow reads it: a leading BOM is part of the value (hyparquet's default drops it). */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** hyparquet parsers that keep full precision; values are formatted with the schema afterwards. */
export const RAW_PARSERS = {
  stringFromBytes: (bytes: Uint8Array) => bytes && utf8.decode(bytes),
  timestampFromMilliseconds: (ms: bigint) => new RawTime(BigInt(ms) * 1000n, 0n),
  timestampFromMicroseconds: (us: bigint) => new RawTime(BigInt(us), 0n),
  timestampFromNanoseconds: (ns: bigint) => new RawTime(BigInt(ns) / 1000n, BigInt(ns) % 1000n),
  dateFromDays: (days: number) => new RawDate(days),
  jsonFromBytes: (bytes: Uint8Array) => bytes && utf8.decode(bytes),
};

/** The parts of hyparquet's schema tree we read. */
export interface SchemaNode {
  element: {
    name: string;
    type?: string;
    repetition_type?: string;
    converted_type?: string;
    logical_type?: {
      type: string;
      isAdjustedToUTC?: boolean;
      unit?: string;
      bitWidth?: number;
      isSigned?: boolean;
    };
    scale?: number;
  };
  children: SchemaNode[];
}

const pad = (n: number | bigint, width = 2) => String(n).padStart(width, '0');

function dateTimeText(micros: bigint): string {
  const ms = Number(micros / 1000n) - (micros % 1000n < 0n ? 1 : 0);
  const fraction = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  const d = new Date(ms);
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return fraction === 0n ? base : `${base}.${pad(fraction, 6)}`;
}

function timeOfDayText(value: number | bigint, unit: 'MILLIS' | 'MICROS' | 'NANOS'): string {
  const micros =
    unit === 'MILLIS' ? BigInt(value) * 1000n : unit === 'NANOS' ? BigInt(value) / 1000n : BigInt(value);
  return dateTimeText(micros).slice(11);
}

const isList = (n: SchemaNode) =>
  n.element.converted_type === 'LIST' || n.element.logical_type?.type === 'LIST';
const isMap = (n: SchemaNode) =>
  n.element.converted_type === 'MAP' ||
  n.element.converted_type === 'MAP_KEY_VALUE' ||
  n.element.logical_type?.type === 'MAP';

function leaf(value: unknown, node: SchemaNode): unknown {
  const { type, converted_type: ctype, logical_type: ltype, scale = 0 } = node.element;
  if (value instanceof RawTime) {
    if (value.nanosRest !== 0n) {
      throw new Error(
        `Nanosecond resolution temporal type ${value.micros * 1000n + value.nanosRest} is not safely convertible to microseconds to convert to datetime.datetime. Install pandas to return as Timestamp with nanosecond support or access the .value attribute.`,
      );
    }
    const utc = ltype?.type === 'TIMESTAMP' ? ltype.isAdjustedToUTC !== false : type !== 'INT96';
    return `${dateTimeText(value.micros)}${utc ? '+00:00' : ''}`;
  }
  if (value instanceof RawDate) return dateTimeText(BigInt(value.days) * 86_400_000_000n).slice(0, 10);
  if (ctype === 'DECIMAL' && typeof value === 'number')
    return decimalText(BigInt(Math.round(value * 10 ** scale)), scale);
  if (ctype === 'TIME_MILLIS') return timeOfDayText(value as number, 'MILLIS');
  if (ctype === 'TIME_MICROS') return timeOfDayText(value as bigint, 'MICROS');
  if (ltype?.type === 'TIME') return timeOfDayText(value as bigint, (ltype.unit ?? 'MICROS') as 'MILLIS');
  if (value instanceof Uint8Array) return bytesLiteral(value);
  if (type === 'FLOAT' || type === 'DOUBLE') return new PyFloat(value as number);
  return value;
}

/**
 * Converts one value read by hyparquet to the JSON value the reference writes for its Arrow type
 * (subscribers.md §7.3): structs in schema order, maps as `[key, value]` pairs, timestamps and
 * dates as Python text, binary as a bytes literal, decimals keeping their scale; NaN and
 * infinities become null when serialised (decision Q36).
 */
export function convertValue(value: unknown, node: SchemaNode): unknown {
  if (value === null || value === undefined) return null;
  if (isMap(node)) {
    const keyValue = node.children[0];
    const valueNode = keyValue?.children[1];
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value as object);
    return entries.map(([k, v]) => [k, valueNode ? convertValue(v, valueNode) : v]);
  }
  if (isList(node)) {
    const repeated = node.children[0] as SchemaNode;
    const element = repeated.children.length === 1 ? (repeated.children[0] as SchemaNode) : repeated;
    return (value as unknown[]).map((v) => convertValue(v, element));
  }
  if (node.children.length > 0) {
    const out: Record<string, unknown> = {};
    const record = value as Record<string, unknown>;
    for (const child of node.children)
      out[child.element.name] = convertValue(record[child.element.name], child);
    return out;
  }
  return leaf(value, node);
}

const RAW = Symbol.for('wazuh-aws.rawJson');

/** JSON text written verbatim by `encodeJsonAscii` (e.g. a float that must keep its `.0`). */
export interface RawJson {
  readonly [RAW]: string;
}

/** Wraps already-serialised JSON text so `encodeJsonAscii` writes it as is. */
export function rawJson(text: string): RawJson {
  return Object.freeze({ [RAW]: text });
}

/** A number that the reference holds as a Python float: written `1.0`, `1e+16`, `NaN`. */
export function jsonFloat(value: number): RawJson {
  return rawJson(pythonFloatRepr(value));
}

/**
 * Python's `repr(float)`: shortest round-trip digits, always with a `.` or an exponent, exponent
 * form below 1e-4 and from 1e16 with at least two exponent digits (`1e-05`, `1e+16`).
 */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '', expText = '0'] = value.toExponential().split('e');
  const exp = Number(expText);
  const sign = value < 0 ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

// DEL (U+007F) too: Python's ensure_ascii escapes everything outside ' '..'~' (core.md §5.3 says otherwise).
const NON_ASCII_ALL = /[\x7f-\uffff]/g;
/** Any character JSON or ensure_ascii escapes; most strings have none and are quoted as they are. */
const NEEDS_ESCAPE = /["\\\x00-\x1f\x7f-\uffff]/;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A JSON string literal with DEL and every non-ASCII UTF-16 unit escaped as `\uxxxx` (lower-case hex). */
function quote(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  return JSON.stringify(text).replace(NON_ASCII_ALL, escapeChar);
}

// Keys repeat across events (eventName, userIdentity…): quote each once.
const quotedKeys = new Map<string, string>();
const MAX_CACHED_KEYS = 10_000;

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = quote(key);
    if (quotedKeys.size < MAX_CACHED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (Number.isSafeInteger(value)) return String(value);
      if (Number.isInteger(value)) return BigInt(value).toString();
      return pythonFloatRepr(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  const raw = (value as Partial<RawJson>)[RAW];
  if (typeof raw === 'string') return raw;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return write((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    let out = `[${write(value[0]) ?? 'null'}`;
    for (let i = 1; i < value.length; i++) out += `, ${write(value[i]) ?? 'null'}`;
    return `${out}]`;
  }
  let out = '{';
  for (const key of Object.keys(value as object)) {
    const member = write((value as Record<string, unknown>)[key]);
    if (member === undefined) continue;
    out += out.length === 1 ? `${quoteKey(key)}: ${member}` : `, ${quoteKey(key)}: ${member}`;
  }
  return `${out}}`;
}

/**
 * Serialises like the reference (Python `json.dumps` defaults, core.md §5.3): `", "` and `": "`
 * separators, insertion key order, every non-ASCII character as `\uxxxx` (surrogate pairs above
 * U+FFFF), bare `NaN`/`Infinity`. Integer-valued numbers are written as integers; wrap a value in
 * `jsonFloat()` to keep a Python float's `.0`.
 *
 * @example
 * encodeJsonAscii({ a: 'é', b: [1, jsonFloat(2)] }) // '{"a": "\\u00e9", "b": [1, 2.0]}'
 */
export function encodeJsonAscii(value: unknown): string {
  return write(value) ?? 'null';
}

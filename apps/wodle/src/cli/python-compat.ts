// Small emulations of Python built-ins whose exact behaviour the reference's messages depend on.

/** Characters for which Python's `str.isspace()` is true (what `str.strip()` removes). */
const PY_SPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'gu');

// Python's `str.isdigit()`: decimal digits (Nd) plus the characters whose Numeric_Type is Digit
// (superscripts, circled digits, …), generated from Python 3.11's Unicode database.
const PY_DIGITS = new RegExp(
  '^[\\p{Nd}\\u{B2}-\\u{B3}\\u{B9}\\u{1369}-\\u{1371}\\u{19DA}\\u{2070}\\u{2074}-\\u{2079}\\u{2080}-\\u{2089}' +
    '\\u{2460}-\\u{2468}\\u{2474}-\\u{247C}\\u{2488}-\\u{2490}\\u{24EA}\\u{24F5}-\\u{24FD}\\u{24FF}' +
    '\\u{2776}-\\u{277E}\\u{2780}-\\u{2788}\\u{278A}-\\u{2792}\\u{10A40}-\\u{10A43}\\u{10E60}-\\u{10E68}' +
    '\\u{11052}-\\u{1105A}\\u{1F100}-\\u{1F10A}]+$',
  'u',
);

/** Python's `str.strip()` without arguments. */
export function pyStrip(value: string): string {
  return value.replace(STRIP, '');
}

/** Python's `str.isdigit()`: non-empty and every character a digit in Python's (Unicode) sense. */
export function pyIsDigit(value: string): boolean {
  return PY_DIGITS.test(value);
}

/** Python's `len()` of a str: code points, not UTF-16 units. */
export function pyLen(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** Ascending code-point order (Python's `sorted()` of str), unlike JS's UTF-16 unit order. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

/** Python's `repr()` of a str, e.g. `'abc'`, `"it's"`, `'a\nb'`. */
export function pyRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      if (cp <= 0xff) out += `\\x${cp.toString(16).padStart(2, '0')}`;
      else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
      else out += `\\U${cp.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

/** Python's `repr()` of a list of str, e.g. `['aws-s3', '--bucket', 'b']`. */
export function pyListRepr(values: readonly string[]): string {
  return `[${values.map(pyRepr).join(', ')}]`;
}

const PY_INT = /^[+-]?[0-9](?:_?[0-9])*$/;

/**
 * Python's `int(value)` for base 10 (surrounding whitespace, a sign and single underscores between
 * digits allowed). ASCII digits only. Returns `undefined` where Python raises `ValueError`.
 */
export function pyInt(value: string): bigint | undefined {
  const text = pyStrip(value);
  if (!PY_INT.test(text)) return undefined;
  return BigInt(text.replaceAll('_', ''));
}

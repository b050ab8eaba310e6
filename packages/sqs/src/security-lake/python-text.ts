/** A float column value: written in Python's repr (`1.0`, `1e+16`). */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** Python's `repr(float)` for a finite double. */
export function floatRepr(value: number): string {
  if (Object.is(value, -0)) return '-0.0';
  const [mantissa = '0', exp = '0'] = value.toExponential().split('e');
  const e = Number(exp);
  if (e < -4 || e >= 16) {
    const m = mantissa.includes('.') ? mantissa : mantissa;
    return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const fixed = String(value);
  return fixed.includes('.') || fixed.includes('e') ? fixed : `${fixed}.0`;
}

/** Python's bytes literal: `b'…'` (subscribers.md §7.3). */
export function bytesLiteral(bytes: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const b of bytes) {
    if (b === 0x27) hasSingle = true;
    if (b === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = '';
  for (const b of bytes) {
    if (b === 0x5c) out += '\\\\';
    else if (String.fromCharCode(b) === quote) out += `\\${quote}`;
    else if (b === 0x09) out += '\\t';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return `b${quote}${out}${quote}`;
}

/** Python's `str(Decimal)` of `unscaled × 10^-scale`, keeping the scale (`1.50`, `0E-10`, `1.000E-7`). */
export function decimalText(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString();
  const exponent = -scale;
  const adjusted = exponent + digits.length - 1;
  let text: string;
  if (exponent <= 0 && adjusted >= -6) {
    if (exponent === 0) text = digits;
    else {
      const padded = digits.padStart(scale + 1, '0');
      text = `${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
    }
  } else {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    text = `${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
  }
  return negative ? `-${text}` : text;
}

/** What JSON or `ensure_ascii` escapes: quote, backslash, control and non-ASCII code units. */
const ESCAPED = /["\\\u0000-\u001f\u0080-\uffff]/;
const NON_ASCII = /[\u0080-\uffff]/g;
const escapeUnit = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON text of a string with every non-ASCII code unit escaped, as Python's `ensure_ascii`. */
export function stringText(value: string): string {
  // Most values need no escape at all: quoting them is then enough (and cheaper than stringify).
  if (!ESCAPED.test(value)) return `"${value}"`;
  return JSON.stringify(value).replace(NON_ASCII, escapeUnit);
}

/** JSON text of a converted row: `, ` / `: ` separators, non-ASCII escaped (core.md §5.3). */
export function rowJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof PyFloat) return Number.isFinite(value.value) ? floatRepr(value.value) : 'null';
  switch (typeof value) {
    case 'string':
      return stringText(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'bigint':
      return value.toString();
    case 'boolean':
      return String(value);
    default:
      if (Array.isArray(value)) return `[${value.map(rowJson).join(', ')}]`;
      return `{${Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${rowJson(k)}: ${rowJson(v)}`)
        .join(', ')}}`;
  }
}

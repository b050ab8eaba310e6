import { RegexError, unsupported } from './regex-error.js';

const SIMPLE: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };
const OCTAL = /^[0-7]$/;

/**
 * Reads an escape that means one code point, valid both in and outside a class: `\n`, `\x41`,
 * `\u00e9`, `\U0001F600`, or a backslash before a non-alphanumeric character. `chars[at]` is the
 * backslash; returns the code point and the index after the escape.
 */
export function readCodePointEscape(chars: readonly string[], at: number): [number, number] {
  const c = chars[at + 1];
  if (c === undefined) throw new RegexError('bad escape (end of pattern)', at);
  const simple = SIMPLE[c];
  if (simple !== undefined) return [simple, at + 2];
  const hexLength = HEX_LENGTH[c];
  if (hexLength !== undefined) {
    const digits = chars.slice(at + 2, at + 2 + hexLength).join('');
    if (digits.length < hexLength || !/^[0-9a-fA-F]+$/.test(digits)) {
      throw new RegexError(`incomplete escape \\${c}${digits.match(/^[0-9a-fA-F]*/)?.[0] ?? ''}`, at);
    }
    const value = Number.parseInt(digits, 16);
    if (value > 0x10ffff) throw new RegexError(`bad escape \\${c}${digits}`, at);
    return [value, at + 2 + hexLength];
  }
  if (c === 'N') throw unsupported('named Unicode character escape \\N{...}', at);
  if (/^[A-Za-z0-9]$/.test(c)) throw new RegexError(`bad escape \\${c}`, at);
  return [c.codePointAt(0) as number, at + 2];
}

/**
 * Reads an octal escape starting at the digit `chars[from]` (`\0`, `\012`, `\377`): up to
 * `maxDigits` octal digits. Returns the code point and the index after it.
 */
export function readOctal(chars: readonly string[], from: number, maxDigits: number): [number, number] {
  let end = from;
  while (end < from + maxDigits && OCTAL.test(chars[end] ?? '')) end++;
  const digits = chars.slice(from, end).join('');
  const value = Number.parseInt(digits, 8);
  if (value > 0o377)
    throw new RegexError(`octal escape value \\${digits} outside of range 0-0o377`, from - 1);
  return [value, end];
}

/** Whether `c` is an octal digit. */
export const isOctal = (c: string | undefined): boolean => c !== undefined && OCTAL.test(c);
/** Whether `c` is a decimal digit. */
export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

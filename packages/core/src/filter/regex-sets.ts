/** JavaScript (`u` flag) equivalents of Python's character-class shorthands. */

/** Python's Unicode `\w`: `str.isalnum()` characters and `_`. */
const WORD_UNICODE = '\\p{L}\\p{N}_';
const WORD_ASCII = 'A-Za-z0-9_';
/** Python's Unicode `\s`: the characters for which `str.isspace()` is true. */
const SPACE_UNICODE = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACE_ASCII = '\\t-\\r\\x20';
const DIGIT_UNICODE = '\\p{Nd}';
const DIGIT_ASCII = '0-9';

/** Class-body text of a shorthand (`d`, `w`, `s`) in the given mode. */
export function shorthandBody(letter: 'd' | 'w' | 's', ascii: boolean): string {
  if (letter === 'd') return ascii ? DIGIT_ASCII : DIGIT_UNICODE;
  if (letter === 'w') return ascii ? WORD_ASCII : WORD_UNICODE;
  return ascii ? SPACE_ASCII : SPACE_UNICODE;
}

/** The translation of `\d \D \w \W \s \S` outside a class. */
export function shorthand(name: string, ascii: boolean): string {
  const letter = name.toLowerCase() as 'd' | 'w' | 's';
  const negated = name !== letter;
  if (letter === 'd' && !ascii) return negated ? '\\P{Nd}' : '\\p{Nd}';
  return `[${negated ? '^' : ''}${shorthandBody(letter, ascii)}]`;
}

/** Python's `\b` / `\B` with its own definition of word characters. */
export function wordBoundary(negated: boolean, ascii: boolean): string {
  const w = `[${shorthandBody('w', ascii)}]`;
  return negated ? `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))` : `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
}

/** A literal code point, written so it means itself anywhere in a `u`-flag pattern. */
export function literal(codePoint: number): string {
  const char = String.fromCodePoint(codePoint);
  return /^[A-Za-z0-9_]$/.test(char) ? char : `\\u{${codePoint.toString(16)}}`;
}

/** Anchors: Python's `^`/`$` (with or without MULTILINE), `\A` and `\Z`. */
export const ANCHOR = {
  start: '(?<![\\s\\S])',
  startOfLine: '(?<![^\\n])',
  end: '(?![\\s\\S])',
  /** `$` without MULTILINE: end of string, or before a final `\n`. */
  endOrFinalNewline: '(?=\\n?(?![\\s\\S]))',
  endOfLine: '(?=\\n|(?![\\s\\S]))',
} as const;

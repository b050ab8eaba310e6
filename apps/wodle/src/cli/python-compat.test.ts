import { describe, expect, it } from 'vitest';
import { compareCodePoints, pyInt, pyIsDigit, pyListRepr, pyRepr, pyStrip } from './python-compat.js';

describe('python-compat', () => {
  it('pyStrip removes what Python strips (not BOM)', () => {
    expect(pyStrip('\x1c\x85 a b\t\n')).toBe('a b');
    expect(pyStrip('\ufeffa')).toBe('\ufeffa');
  });
  it('pyIsDigit follows str.isdigit', () => {
    expect(pyIsDigit('0123')).toBe(true);
    expect(pyIsDigit('٣²①')).toBe(true);
    expect(pyIsDigit('')).toBe(false);
    expect(pyIsDigit('1a')).toBe(false);
    expect(pyIsDigit('½')).toBe(false);
  });
  it.each([
    ['abc', "'abc'"],
    ["it's", `"it's"`],
    [`'"`, `'\\'"'`],
    ['a\\b\n\t\r', "'a\\\\b\\n\\t\\r'"],
    ['\x00\x7f\xa0é\u200b', "'\\x00\\x7f\\xa0é\\u200b'"],
  ])('pyRepr(%j) = %s', (v, expected) => expect(pyRepr(v)).toBe(expected));
  it('pyListRepr', () => expect(pyListRepr(['aws-s3', '-b', "x'"])).toBe(`['aws-s3', '-b', "x'"]`));
  it.each([
    ['2', 2n],
    [' -3 ', -3n],
    ['+1', 1n],
    ['1_0', 10n],
    ['007', 7n],
    ['abc', undefined],
    ['1__0', undefined],
    ['_1', undefined],
    ['1.0', undefined],
    ['', undefined],
  ])('pyInt(%j) = %s', (v, expected) => expect(pyInt(v)).toBe(expected));
  it('compareCodePoints sorts by code point', () => {
    expect(['b', 'a', '\u{10000}', '\uff10'].sort(compareCodePoints)).toEqual([
      'a',
      'b',
      '\uff10',
      '\u{10000}',
    ]);
  });
});

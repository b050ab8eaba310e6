import { describe, expect, it } from 'vitest';
import { encodeJsonAscii, jsonFloat, pythonFloatRepr, rawJson } from './json-ascii.js';

describe('encodeJsonAscii', () => {
  it('matches Python json.dumps defaults (separators, ensure_ascii, escapes)', () => {
    const value = {
      a: 'é',
      b: [1, jsonFloat(2), true, null],
      c: '\u{1F600}',
      d: '\x01\x7f/\n\t"\\',
      e: {},
      f: [],
      g: '\u2028',
    };
    // Expected text produced by CPython 3.11 json.dumps of the same value.
    expect(encodeJsonAscii(value)).toBe(
      '{"a": "\\u00e9", "b": [1, 2.0, true, null], "c": "\\ud83d\\ude00", "d": "\\u0001\\u007f/\\n\\t\\"\\\\", "e": {}, "f": [], "g": "\\u2028"}',
    );
  });

  it('keeps insertion order, escapes keys, drops undefined members', () => {
    expect(encodeJsonAscii({ z: 1, ñ: 2, u: undefined, a: [undefined] })).toBe(
      '{"z": 1, "\\u00f1": 2, "a": [null]}',
    );
  });

  it('writes numbers as the reference does', () => {
    expect(
      encodeJsonAscii([0, -5, 25.93, 1733045415.25, Number.NaN, Number.POSITIVE_INFINITY, 2n ** 70n]),
    ).toBe('[0, -5, 25.93, 1733045415.25, NaN, Infinity, 1180591620717411303424]');
    expect(encodeJsonAscii(1e21)).toBe('1000000000000000000000');
  });

  it('writes raw JSON verbatim and uses toJSON', () => {
    expect(encodeJsonAscii({ r: rawJson('{"x":1}'), d: new Date(0) })).toBe(
      '{"r": {"x":1}, "d": "1970-01-01T00:00:00.000Z"}',
    );
  });

  it('leaves pure-ASCII strings as JSON.stringify writes them', () => {
    expect(encodeJsonAscii('plain ascii ~')).toBe('"plain ascii ~"');
  });
});

describe('pythonFloatRepr', () => {
  it.each([
    [1, '1.0'],
    [0.5, '0.5'],
    [1e-5, '1e-05'],
    [1e16, '1e+16'],
    [123456789, '123456789.0'],
    [1.5e-7, '1.5e-07'],
    [0.0001, '0.0001'],
    [-0, '-0.0'],
    [1e22, '1e+22'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [5e-324, '5e-324'],
    [-2.5e-10, '-2.5e-10'],
    [9999999999999998, '9999999999999998.0'],
  ])('%d → %s', (value, expected) => {
    expect(pythonFloatRepr(value)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { encodeJsonAscii, pythonFloatRepr } from './json-ascii.js';

/** The reference writer, written plainly: what the optimised writer must reproduce byte for byte. */
function reference(value: unknown): string | undefined {
  if (typeof value === 'string')
    return JSON.stringify(value).replace(
      /[\x7f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  if (typeof value === 'number') {
    if (Number.isInteger(value))
      return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
    return pythonFloatRepr(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (value === undefined || typeof value === 'function') return undefined;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => reference(v) ?? 'null').join(', ')}]`;
  const members: string[] = [];
  for (const [k, v] of Object.entries(value as object)) {
    const text = reference(v);
    if (text !== undefined) members.push(`${reference(k)}: ${text}`);
  }
  return `{${members.join(', ')}}`;
}

function randomValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 6 : 9));
  const strings = [
    '',
    'a, b: c',
    'line\nbreak\t"q"\\',
    'é ñ 😀',
    '\u2028\x7f\x01',
    ', \n  ',
    '{"x": [1, 2]}',
    ':',
  ];
  const numbers = [
    0,
    -0,
    7,
    -12,
    2 ** 53,
    1e21,
    0.5,
    25.93,
    1e-5,
    1.5e-7,
    1e16 + 2,
    123456.789,
    Number.NaN,
    -Infinity,
    1e-4,
    9.99e15,
  ];
  switch (pick) {
    case 0:
      return strings[Math.floor(next() * strings.length)];
    case 1:
      return numbers[Math.floor(next() * numbers.length)];
    case 2:
      return next() < 0.5;
    case 3:
      return null;
    case 4:
      return undefined;
    case 5:
      return strings[Math.floor(next() * strings.length)];
    case 6:
    case 7:
      return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 5); i > 0; i--)
        out[`${strings[Math.floor(next() * strings.length)]}${i}`] = randomValue(next, depth + 1);
      return out;
    }
  }
}

describe('encodeJsonAscii against a plain reference writer', () => {
  it('writes 5000 random values exactly as the plain reference writer', () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 5000; i++) {
      const value = randomValue(next, 0);
      expect(encodeJsonAscii(value)).toBe(reference(value) ?? 'null');
    }
  });

  it('keeps separators inside strings and nested empty containers', () => {
    const value = { 'a, b': 'x: y, z', e: {}, f: [], g: [{}, [[]]], h: { i: { j: 'k\nl' } } };
    expect(encodeJsonAscii(value)).toBe(
      '{"a, b": "x: y, z", "e": {}, "f": [], "g": [{}, [[]]], "h": {"i": {"j": "k\\nl"}}}',
    );
  });

  it('writes floats in exponent form inside nested values', () => {
    expect(encodeJsonAscii({ a: { b: 1e-5, c: 'x' }, d: [0.5, 2.5e-7] })).toBe(
      '{"a": {"b": 1e-05, "c": "x"}, "d": [0.5, 2.5e-07]}',
    );
  });
});

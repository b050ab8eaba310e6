import { describe, expect, it } from 'vitest';
import { pythonStr, pythonStringRepr } from './python-str.js';

describe('pythonStr', () => {
  it('prints scalars as Python str()', () => {
    expect(pythonStr('plain text')).toBe('plain text');
    expect(pythonStr(true)).toBe('True');
    expect(pythonStr(false)).toBe('False');
    expect(pythonStr(null)).toBe('None');
    expect(pythonStr(42)).toBe('42');
    expect(pythonStr(-0.5)).toBe('-0.5');
    expect(pythonStr(1e-5)).toBe('1e-05');
    expect(pythonStr(1.5e-7)).toBe('1.5e-07');
    expect(pythonStr(123456.789)).toBe('123456.789');
    expect(pythonStr(1e21)).toBe('1000000000000000000000');
    expect(pythonStr(Number.NaN)).toBe('nan');
    expect(pythonStr(Number.NEGATIVE_INFINITY)).toBe('-inf');
  });

  it('prints containers with reprs', () => {
    expect(pythonStr(['a', 1, true, null])).toBe("['a', 1, True, None]");
    expect(pythonStr({ k: 'v', n: { x: [] }, e: {} })).toBe("{'k': 'v', 'n': {'x': []}, 'e': {}}");
    expect(pythonStr([])).toBe('[]');
  });

  it('quotes and escapes strings like Python repr', () => {
    expect(pythonStringRepr("it's")).toBe('"it\'s"');
    expect(pythonStringRepr('say "hi"')).toBe('\'say "hi"\'');
    expect(pythonStringRepr('both \' and "')).toBe("'both \\' and \"'");
    expect(pythonStringRepr('a\\b\n\t\r\u0001\u007f\u00a0é\u2028')).toBe(
      "'a\\\\b\\n\\t\\r\\x01\\x7f\\xa0é\\u2028'",
    );
    expect(pythonStringRepr('\ud800')).toBe("'\\ud800'");
  });

  it('handles deep nesting without recursion', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = [value];
    const text = pythonStr(value);
    expect(text.length).toBe(200_001);
  });
});

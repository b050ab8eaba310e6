import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors/errors.js';
import { parsePythonJson, readConcatenatedJson } from './json-values.js';

const errorOf = (run: () => unknown): ParseError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
};

describe('parsePythonJson', () => {
  it('parses plain JSON with JSON.parse semantics', () => {
    expect(parsePythonJson(' {"a": [1, 2.5, "x"], "a2": null} \n')).toEqual({ a: [1, 2.5, 'x'], a2: null });
    expect(parsePythonJson('{"k": 1, "k": 2}')).toEqual({ k: 2 });
  });

  it('accepts NaN, Infinity and -Infinity outside strings only', () => {
    const value = parsePythonJson(
      '{"n": NaN, "p": Infinity, "m": [-Infinity], "s": "NaN Infinity"}',
    ) as Record<string, unknown>;
    expect(value.n).toBeNaN();
    expect(value.p).toBe(Number.POSITIVE_INFINITY);
    expect(value.m).toEqual([Number.NEGATIVE_INFINITY]);
    expect(value.s).toBe('NaN Infinity');
  });

  it('accepts a leading BOM', () => {
    expect(parsePythonJson('\ufeff{"a": 1}')).toEqual({ a: 1 });
  });

  it('raises Python decoder messages', () => {
    expect(errorOf(() => parsePythonJson('')).message).toBe('Expecting value: line 1 column 1 (char 0)');
    expect(errorOf(() => parsePythonJson('{"a": }')).message).toBe(
      'Expecting value: line 1 column 7 (char 6)',
    );
    expect(errorOf(() => parsePythonJson('{"a": 1} x')).message).toBe(
      'Extra data: line 1 column 10 (char 9)',
    );
    expect(errorOf(() => parsePythonJson('{\n"a" 1}')).message).toBe(
      "Expecting ':' delimiter: line 2 column 5 (char 6)",
    );
    expect(errorOf(() => parsePythonJson('[1 2]')).message).toBe(
      "Expecting ',' delimiter: line 1 column 4 (char 3)",
    );
    expect(errorOf(() => parsePythonJson('{1: 2}')).message).toBe(
      'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)',
    );
    expect(errorOf(() => parsePythonJson('"abc')).message).toBe(
      'Unterminated string starting at: line 1 column 1 (char 0)',
    );
    expect(errorOf(() => parsePythonJson('')).pythonType).toBe('JSONDecodeError');
  });

  it('keeps __proto__ as an own property and never touches prototypes', () => {
    const value = parsePythonJson('{"__proto__": {"polluted": true}, "x": NaN}') as Record<string, unknown>;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('handles 100k levels of nesting without crashing', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(Array.isArray(parsePythonJson(deep))).toBe(true);
    // The NaN path revives values with a recursive reviver: too deep is a ParseError, not a RangeError.
    const deepNaN = `${'{"a":'.repeat(100_000)}NaN${'}'.repeat(100_000)}`;
    expect(errorOf(() => parsePythonJson(deepNaN)).message).toBe('JSON value too deeply nested at char 0');
    const broken = `${'['.repeat(100_000)}x`;
    expect(errorOf(() => parsePythonJson(broken)).message).toBe(
      'Expecting value: line 1 column 100001 (char 100000)',
    );
  });
});

describe('readConcatenatedJson', () => {
  it('yields back-to-back values', () => {
    expect([...readConcatenatedJson('{"a":1}{"b":"}{"}[1,{"c":[]}]"s"3')]).toEqual([
      { a: 1 },
      { b: '}{' },
      [1, { c: [] }],
      's',
      3,
    ]);
  });

  it('allows a BOM and whitespace between and after values by default', () => {
    expect([...readConcatenatedJson('\ufeff {"a":1}\n{"b":2}\r\n\t{"c":NaN}\n')]).toEqual([
      { a: 1 },
      { b: 2 },
      { c: Number.NaN },
    ]);
    expect([...readConcatenatedJson('')]).toEqual([]);
    expect([...readConcatenatedJson('\n  \n')]).toEqual([]);
  });

  it('keeps the strict reference mode: whitespace is an error', () => {
    const values: unknown[] = [];
    const error = errorOf(() => {
      for (const value of readConcatenatedJson('{"a":1}\n{"b":2}', { allowWhitespace: false }))
        values.push(value);
    });
    expect(values).toEqual([{ a: 1 }]);
    expect(error.message).toBe('Expecting value: line 1 column 8 (char 7)');
  });

  it('reports the position of a broken value after good ones', () => {
    const values: unknown[] = [];
    const error = errorOf(() => {
      for (const value of readConcatenatedJson('{"a":1}\n{"b":01}')) values.push(value);
    });
    expect(values).toEqual([{ a: 1 }]);
    expect(error.message).toBe("Expecting ',' delimiter: line 2 column 7 (char 14)");
    expect(errorOf(() => [...readConcatenatedJson('{"a": [1, 2}')]).message).toMatch(
      /^Expecting ',' delimiter/,
    );
    expect(errorOf(() => [...readConcatenatedJson('{"a": "x')]).message).toBe(
      'Unterminated string starting at: line 1 column 7 (char 6)',
    );
  });

  it('turns deep nesting into values or ParseErrors, not crashes', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}{}`;
    expect([...readConcatenatedJson(deep)]).toHaveLength(2);
    const unclosed = '['.repeat(100_000);
    expect(errorOf(() => [...readConcatenatedJson(unclosed)])).toBeInstanceOf(ParseError);
  });

  it('is fast on megabytes of input', () => {
    const record = JSON.stringify({
      detail: { text: 'x'.repeat(200), list: [1, 2, { a: '}]' }] },
      source: 'aws.x',
    });
    const text = Array.from({ length: 20_000 }, () => record).join('\n');
    let count = 0;
    for (const _ of readConcatenatedJson(text)) count++;
    expect(count).toBe(20_000);
  });
});

import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors/errors.js';
import { readDelimitedLines, readDelimitedRows, rowToObject, splitUniversalLines } from './delimited.js';

const rows = (text: string, delimiter = ' ', fieldSizeLimit?: number) => [
  ...readDelimitedRows(text, { delimiter, fieldSizeLimit }),
];

/**
 * Oracle: a char-by-char port of CPython's `_csv.c` reader state machine (default dialect,
 * non-strict), fed with universal-newline lines that keep their `\n`, rows `[]` dropped like
 * `csv.DictReader` does.
 */
function pythonCsv(text: string, delimiter: string, limit = 131072): string[][] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const lines = normalised.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[][] = [];
  const EOL = 'EOL';
  type State =
    | 'START_RECORD'
    | 'START_FIELD'
    | 'IN_FIELD'
    | 'IN_QUOTED_FIELD'
    | 'QUOTE_IN_QUOTED_FIELD'
    | 'EAT_CRNL';
  let state = 'START_RECORD' as State;
  let fields: string[] = [];
  let field = '';
  let fieldLen = 0;
  const save = () => {
    fields.push(field);
    field = '';
    fieldLen = 0;
  };
  const add = (c: string) => {
    if (fieldLen >= limit) throw new Error('limit');
    field += c;
    fieldLen += 1;
  };
  const nl = (c: string) => c === '\n' || c === '\r';
  const step = (c: string) => {
    switch (state) {
      // biome-ignore lint/suspicious/noFallthroughSwitchClause: CPython's machine falls through to START_FIELD
      case 'START_RECORD':
        if (c === EOL) return;
        if (nl(c)) {
          state = 'EAT_CRNL';
          return;
        }
        state = 'START_FIELD';
      case 'START_FIELD':
        if (nl(c) || c === EOL) {
          save();
          state = c === EOL ? 'START_RECORD' : 'EAT_CRNL';
        } else if (c === '"') state = 'IN_QUOTED_FIELD';
        else if (c === delimiter) save();
        else {
          add(c);
          state = 'IN_FIELD';
        }
        return;
      case 'IN_FIELD':
        if (nl(c) || c === EOL) {
          save();
          state = c === EOL ? 'START_RECORD' : 'EAT_CRNL';
        } else if (c === delimiter) {
          save();
          state = 'START_FIELD';
        } else add(c);
        return;
      case 'IN_QUOTED_FIELD':
        if (c === EOL) return;
        if (c === '"') state = 'QUOTE_IN_QUOTED_FIELD';
        else add(c);
        return;
      case 'QUOTE_IN_QUOTED_FIELD':
        if (c === '"') {
          add(c);
          state = 'IN_QUOTED_FIELD';
        } else if (c === delimiter) {
          save();
          state = 'START_FIELD';
        } else if (nl(c) || c === EOL) {
          save();
          state = c === EOL ? 'START_RECORD' : 'EAT_CRNL';
        } else {
          add(c);
          state = 'IN_FIELD';
        }
        return;
      case 'EAT_CRNL':
        if (nl(c)) return;
        if (c === EOL) state = 'START_RECORD';
        else throw new Error('new-line character seen in unquoted field');
    }
  };
  let index = 0;
  for (;;) {
    fields = [];
    let done = false;
    do {
      const line = lines[index++];
      if (line === undefined) {
        if (fieldLen !== 0 || state === 'IN_QUOTED_FIELD') save();
        else if (fields.length === 0) done = true;
        state = 'START_RECORD';
        break;
      }
      for (const c of line) step(c);
      step(EOL);
    } while (state !== 'START_RECORD');
    if (done) break;
    if (fields.length > 0) out.push(fields);
    if (index > lines.length) break;
  }
  return out;
}

describe('readDelimitedRows (Python csv default dialect)', () => {
  it('splits on the delimiter without skipping whitespace', () => {
    expect(rows('a  b\n')).toEqual([['a', '', 'b']]);
    expect(rows(',,\n', ',')).toEqual([['', '', '']]);
    expect(rows('a,\n', ',')).toEqual([['a', '']]);
  });

  it('recognises quotes only at the start of a field', () => {
    expect(rows('"a b" c')).toEqual([['a b', 'c']]);
    expect(rows('f"g h')).toEqual([['f"g', 'h']]);
    expect(rows('"x"y z')).toEqual([['xy', 'z']]);
    expect(rows('"a""b" c')).toEqual([['a"b', 'c']]);
    expect(rows('x, "a,b"', ',')).toEqual([['x', ' "a', 'b"']]);
    expect(rows('"" x')).toEqual([['', 'x']]);
    expect(rows('"x"y"z" w')).toEqual([['xy"z"', 'w']]);
  });

  it('keeps delimiters and newlines inside quotes (a field may span lines)', () => {
    expect(rows('"a\nb" c\nd\n')).toEqual([['a\nb', 'c'], ['d']]);
    expect(rows('"a\r\n\r\nb" c\r\n')).toEqual([['a\n\nb', 'c']]);
  });

  it('skips empty lines but not lines of delimiters or spaces', () => {
    expect(rows('\n\na\n\r\n\rb\n')).toEqual([['a'], ['b']]);
    expect(rows(' \n')).toEqual([['', '']]);
  });

  it('handles CRLF and lone CR like universal newlines', () => {
    expect(rows('a b\r\nc d\re f')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('closes a quoted field left open at the end of the input', () => {
    expect(rows('a "b c')).toEqual([['a', 'b c']]);
    expect(rows('a "b c\n')).toEqual([['a', 'b c\n']]);
  });

  it('enforces the field size limit with a ParseError', () => {
    expect(rows(`${'x'.repeat(10)} y`, ' ', 10)).toEqual([['x'.repeat(10), 'y']]);
    expect(() => rows(`${'x'.repeat(11)} y`, ' ', 10)).toThrow(ParseError);
    expect(() => rows(`"${'x'.repeat(11)}"`, ' ', 10)).toThrow('field larger than field limit (10)');
    expect(() => rows(`"${'x'.repeat(6)}\n${'x'.repeat(6)}"`, ' ', 10)).toThrow(ParseError);
    expect(rows(`${'x'.repeat(131072)}`)[0]?.[0]).toHaveLength(131072);
    expect(() => rows(`${'x'.repeat(131073)} y`)).toThrow(ParseError);
  });

  it('rejects invalid delimiters', () => {
    expect(() => rows('a', '"')).toThrow(TypeError);
    expect(() => rows('a', '::')).toThrow(TypeError);
  });
});

describe('splitUniversalLines', () => {
  it('splits at \\n, \\r\\n and \\r', () => {
    expect([...splitUniversalLines('a\nb\r\nc\rd')]).toEqual(['a', 'b', 'c', 'd']);
    expect([...splitUniversalLines('a\n')]).toEqual(['a']);
    expect([...splitUniversalLines('\r\r\n\n')]).toEqual(['', '', '']);
    expect([...splitUniversalLines('')]).toEqual([]);
  });
});

describe('readDelimitedLines', () => {
  it('gives the same rows as the text reader, across async lines', async () => {
    async function* lines() {
      yield* ['a "b', '', 'c" d', '', 'e,f g'];
    }
    const out: string[][] = [];
    for await (const row of readDelimitedLines(lines(), { delimiter: ' ' })) out.push(row);
    expect(out).toEqual([
      ['a', 'b\n\nc', 'd'],
      ['e,f', 'g'],
    ]);
  });
});

describe('rowToObject', () => {
  it('fills missing values with null and returns surplus values apart', () => {
    expect(rowToObject(['a', 'b'], ['1'])).toEqual({ object: { a: '1', b: null }, extra: [] });
    expect(rowToObject(['a'], ['1', '2', '3'])).toEqual({ object: { a: '1' }, extra: ['2', '3'] });
  });
});

/** Deterministic PRNG (mulberry32) so a failing case can be replayed. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fuzz', () => {
  const alphabet = ['a', 'b', ' ', ',', '"', '"', '\n', '\r', '\r\n', 'é', '\u0000', '😀'];

  it('matches the CPython reader on random input', () => {
    const random = prng(20250309);
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      for (const delimiter of [' ', ',']) {
        expect(rows(text, delimiter), JSON.stringify(text)).toEqual(pythonCsv(text, delimiter));
      }
    }
  });

  it('only ever throws ParseError, also on truncated lines and tiny limits', async () => {
    const random = prng(7);
    for (let n = 0; n < 1000; n++) {
      const length = Math.floor(random() * 60);
      let text = '';
      for (let i = 0; i < length; i++) text += String.fromCharCode(Math.floor(random() * 128));
      const cut = text.slice(0, Math.floor(random() * text.length));
      for (const input of [text, cut]) {
        try {
          rows(input, ' ', 5);
          for await (const _ of readDelimitedLines(splitUniversalLines(input), {
            delimiter: ',',
            fieldSizeLimit: 5,
          })) {
            // drain
          }
        } catch (error) {
          expect(error).toBeInstanceOf(ParseError);
        }
      }
    }
  });
});

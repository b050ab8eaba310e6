import { ParseError } from '../errors/errors.js';

/** Options of {@link readConcatenatedJson}. */
export interface ConcatenatedJsonOptions {
  /**
   * Accept a leading BOM and whitespace (space, tab, CR, LF) before, between and after values
   * (decisions B21/B22). `false` is the reference's strict `raw_decode` loop: any whitespace is
   * an `Expecting value` error.
   * @default true
   */
  allowWhitespace?: boolean;
}

const WHITESPACE = /[ \t\n\r]*/y;
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|NaN|-?Infinity/y;
const STRING = /"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
const STRING_BODY = /(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*/y;
const STRING_LOOSE = /"(?:[^"\\]|\\[\s\S])*"/y;
const STRUCTURAL = /[{}[\]"]/g;
const NON_FINITE = /"(?:[^"\\]|\\[\s\S])*"|-?Infinity|NaN/g;
const BOM = '\ufeff';

function skipWhitespace(text: string, index: number): number {
  WHITESPACE.lastIndex = index;
  WHITESPACE.test(text);
  return WHITESPACE.lastIndex;
}

/** Python's `JSONDecodeError` text: `<what>: line L column C (char N)`. */
function decodeError(text: string, what: string, at: number, cause?: unknown): ParseError {
  const line = (text.slice(0, at).match(/\n/g)?.length ?? 0) + 1;
  const lineStart = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  const column = at - lineStart + 1;
  return new ParseError(`${what}: line ${line} column ${column} (char ${at})`, cause, 'JSONDecodeError');
}

/** Matches a string at `index` (which holds `"`); returns its end or an error. */
function scanString(text: string, index: number): number | ParseError {
  STRING.lastIndex = index;
  if (STRING.test(text)) return STRING.lastIndex;
  STRING_BODY.lastIndex = index + 1;
  STRING_BODY.test(text);
  const at = STRING_BODY.lastIndex;
  if (at >= text.length) return decodeError(text, 'Unterminated string starting at', index);
  if (text[at] === '\\') return decodeError(text, 'Invalid \\escape', at);
  return decodeError(text, 'Invalid control character at', at);
}

/**
 * Validates one value at `start` with the Python decoder's grammar (NaN/Infinity allowed) and
 * returns its end, or the error the Python decoder would raise. Iterative: any depth.
 */
function checkValue(text: string, start: number): number | ParseError {
  const stack: Array<'{' | '['> = [];
  let i = start;
  const key = (at: number): number | ParseError => {
    if (text[at] !== '"') return decodeError(text, 'Expecting property name enclosed in double quotes', at);
    const end = scanString(text, at);
    if (typeof end !== 'number') return end;
    const colon = skipWhitespace(text, end);
    if (text[colon] !== ':') return decodeError(text, "Expecting ':' delimiter", colon);
    return skipWhitespace(text, colon + 1);
  };
  for (;;) {
    const c = text[i];
    if (c === '{' || c === '[') {
      const inner = skipWhitespace(text, i + 1);
      if (text[inner] === (c === '{' ? '}' : ']')) {
        i = inner + 1;
      } else {
        stack.push(c);
        const next = c === '{' ? key(inner) : inner;
        if (typeof next !== 'number') return next;
        i = next;
        continue;
      }
    } else if (c === '"') {
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
    } else {
      SCALAR.lastIndex = i;
      if (!SCALAR.test(text)) return decodeError(text, 'Expecting value', i);
      i = SCALAR.lastIndex;
    }
    // After a value: close containers or move to the next member/element.
    for (;;) {
      const top = stack[stack.length - 1];
      if (top === undefined) return i;
      i = skipWhitespace(text, i);
      if (text[i] === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return decodeError(text, "Expecting ',' delimiter", i);
      const next = top === '{' ? key(skipWhitespace(text, i + 1)) : skipWhitespace(text, i + 1);
      if (typeof next !== 'number') return next;
      i = next;
      break;
    }
  }
}

/** Finds the end of the value at `start` cheaply (brackets and strings only); JSON.parse validates. */
function valueEnd(text: string, start: number): number {
  const first = text[start];
  if (first === '"') {
    STRING_LOOSE.lastIndex = start;
    return STRING_LOOSE.test(text) ? STRING_LOOSE.lastIndex : text.length;
  }
  if (first !== '{' && first !== '[') {
    SCALAR.lastIndex = start;
    return SCALAR.test(text) ? SCALAR.lastIndex : start;
  }
  let depth = 0;
  STRUCTURAL.lastIndex = start;
  for (let m = STRUCTURAL.exec(text); m !== null; m = STRUCTURAL.exec(text)) {
    const c = m[0];
    if (c === '"') {
      STRING_LOOSE.lastIndex = m.index;
      if (!STRING_LOOSE.test(text)) return text.length;
      STRUCTURAL.lastIndex = STRING_LOOSE.lastIndex;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (--depth === 0) {
      return m.index + 1;
    }
  }
  return text.length;
}

/** Parses `text.slice(start, end)`, a value already known to be complete, as the Python decoder would. */
function parseSlice(text: string, start: number, end: number): unknown {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  try {
    return JSON.parse(slice);
  } catch (error) {
    if (error instanceof RangeError)
      throw new ParseError(`JSON value too deeply nested at char ${start}`, error, 'RecursionError');
    const checked = checkValue(text, start);
    if (typeof checked !== 'number') throw checked;
    if (checked !== end) throw decodeError(text, 'Extra data', checked);
    return parseNonFinite(slice, start);
  }
}

/** JSON.parse rejects `NaN`/`Infinity`: swap them (outside strings) for sentinels and revive them. */
function parseNonFinite(slice: string, start: number): unknown {
  let tag = `\u0000wazuh-aws-nonfinite-${Math.random().toString(36).slice(2)}:`;
  while (slice.includes(tag)) tag += '~';
  const values = new Map<string, number>([
    [`${tag}NaN`, Number.NaN],
    [`${tag}Infinity`, Number.POSITIVE_INFINITY],
    [`${tag}-Infinity`, Number.NEGATIVE_INFINITY],
  ]);
  const swapped = slice.replace(NON_FINITE, (token) =>
    token[0] === '"' ? token : JSON.stringify(`${tag}${token}`),
  );
  try {
    return JSON.parse(swapped, (_key, value: unknown) =>
      typeof value === 'string' && value.startsWith(tag) ? (values.get(value) ?? value) : value,
    );
  } catch (error) {
    throw new ParseError(`JSON value too deeply nested at char ${start}`, error, 'RecursionError');
  }
}

/**
 * Parses one JSON document like Python's `json.loads`: JSON.parse semantics plus the `NaN`,
 * `Infinity` and `-Infinity` literals; surrounding whitespace and a leading BOM are accepted.
 * Object members named `__proto__` stay own properties. Integers beyond 2^53 lose precision.
 *
 * @throws ParseError with the Python decoder's message, e.g. `Expecting value: line 1 column 1 (char 0)`.
 * @example parsePythonJson('{"a": NaN}') // { a: NaN }
 */
export function parsePythonJson(text: string): unknown {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  try {
    return JSON.parse(source);
  } catch (error) {
    if (error instanceof RangeError)
      throw new ParseError('JSON value too deeply nested', error, 'RecursionError');
  }
  const start = skipWhitespace(source, 0);
  const end = checkValue(source, start);
  if (typeof end !== 'number') throw end;
  const rest = skipWhitespace(source, end);
  if (rest !== source.length) throw decodeError(source, 'Extra data', rest);
  return parseNonFinite(source.slice(start, end), start);
}

/**
 * Yields the JSON values written back-to-back in `text` (the reference's `raw_decode` loop),
 * in order. Values already yielded stay valid when a later one fails.
 *
 * @throws ParseError at the first value that does not decode.
 * @example [...readConcatenatedJson('{"a":1}\n{"b":2}')] // [{ a: 1 }, { b: 2 }]
 */
export function* readConcatenatedJson(
  text: string,
  options: ConcatenatedJsonOptions = {},
): Generator<unknown> {
  const lenient = options.allowWhitespace ?? true;
  let i = lenient && text.startsWith(BOM) ? 1 : 0;
  for (;;) {
    if (lenient) i = skipWhitespace(text, i);
    if (i >= text.length) return;
    const end = valueEnd(text, i);
    if (end === i) throw decodeError(text, 'Expecting value', i);
    yield parseSlice(text, i, end);
    i = end;
  }
}

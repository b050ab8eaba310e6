import { ParseError } from '../errors/errors.js';

/** Options of the delimited-text readers. */
export interface DelimitedOptions {
  /** One character that separates fields (`' '` for load balancer and VPC logs, `','` for Umbrella). */
  delimiter: string;
  /** Longest accepted field, in characters; a longer one is a `ParseError`. @default 131072 */
  fieldSizeLimit?: number;
}

/** Python's `csv.field_size_limit()` default. */
export const FIELD_SIZE_LIMIT = 131_072;

const QUOTE = 0x22;

/**
 * Turns lines (without terminators) into rows the way Python's `csv.reader` does with its default
 * dialect (buckets.md §3.0). A quoted field may span lines, so rows and lines are not 1:1.
 */
export interface DelimitedRowAssembler {
  /** Feeds one line; returns the row it completes, if any. Empty lines outside quotes give nothing. */
  push(line: string): string[] | undefined;
  /** Ends the input: a quoted field left open is closed (Python's non-strict reader does so). */
  finish(lastLineTerminated: boolean): string[] | undefined;
}

/** A row assembler for streamed lines (see {@link readDelimitedLines} for the async form). */
export function createDelimitedRowAssembler(options: DelimitedOptions): DelimitedRowAssembler {
  return new RowAssembler(options);
}

class RowAssembler implements DelimitedRowAssembler {
  private readonly delimiter: string;
  private readonly limit: number;
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;

  constructor(options: DelimitedOptions) {
    const { delimiter } = options;
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new TypeError(
        `Invalid delimiter ${JSON.stringify(delimiter)}: one character other than a quote or newline`,
      );
    }
    this.delimiter = delimiter;
    this.limit = options.fieldSizeLimit ?? FIELD_SIZE_LIMIT;
  }

  /** Feeds one line; returns the row it completes, if any. Empty lines outside quotes give nothing. */
  push(line: string): string[] | undefined {
    if (this.inQuotes) {
      this.append('\n');
      return this.parse(line, 0, true);
    }
    if (line.length === 0) return undefined;
    if (line.indexOf('"') === -1) {
      const row = line.split(this.delimiter);
      if (line.length > this.limit) for (const value of row) this.check(value.length);
      return row;
    }
    return this.parse(line, 0, false);
  }

  /** Ends the input: a quoted field left open is closed (Python's non-strict reader does so). */
  finish(lastLineTerminated: boolean): string[] | undefined {
    if (!this.inQuotes) return undefined;
    if (lastLineTerminated) this.append('\n');
    this.fields.push(this.field);
    return this.endRow();
  }

  private parse(line: string, start: number, quoted: boolean): string[] | undefined {
    const d = this.delimiter;
    const n = line.length;
    let i = start;
    let inQuoted = quoted;
    for (;;) {
      if (inQuoted) {
        const q = line.indexOf('"', i);
        if (q === -1) {
          this.append(line.slice(i));
          this.inQuotes = true;
          return undefined;
        }
        this.append(line.slice(i, q));
        const next = q + 1;
        if (next < n && line.charCodeAt(next) === QUOTE) {
          this.append('"');
          i = next + 1;
          continue;
        }
        inQuoted = false;
        this.inQuotes = false;
        if (next >= n) return this.saveAndEnd();
        if (line[next] !== d) {
          // Text after the closing quote is appended up to the next delimiter.
          const j = line.indexOf(d, next);
          this.append(line.slice(next, j === -1 ? n : j));
          if (j === -1) return this.saveAndEnd();
          i = j + 1;
        } else {
          i = next + 1;
        }
        this.fields.push(this.field);
        this.field = '';
      }
      if (i >= n) {
        this.fields.push('');
        return this.endRow();
      }
      if (line.charCodeAt(i) === QUOTE) {
        inQuoted = true;
        i += 1;
        continue;
      }
      const j = line.indexOf(d, i);
      const value = line.slice(i, j === -1 ? n : j);
      this.check(value.length);
      this.fields.push(value);
      if (j === -1) return this.endRow();
      i = j + 1;
    }
  }

  private append(text: string): void {
    this.field += text;
    this.check(this.field.length);
  }

  private check(length: number): void {
    if (length > this.limit)
      throw new ParseError(`field larger than field limit (${this.limit})`, undefined, 'Error');
  }

  private saveAndEnd(): string[] {
    this.fields.push(this.field);
    return this.endRow();
  }

  private endRow(): string[] {
    const row = this.fields;
    this.fields = [];
    this.field = '';
    this.inQuotes = false;
    return row;
  }
}

/** Splits text at `\n`, `\r\n` and `\r` (Python universal newlines), without terminators. */
export function* splitUniversalLines(text: string): Generator<string> {
  const length = text.length;
  let pos = 0;
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  while (pos < length) {
    if (nextLf !== -1 && nextLf < pos) nextLf = text.indexOf('\n', pos);
    if (nextCr !== -1 && nextCr < pos) nextCr = text.indexOf('\r', pos);
    const lf = nextLf === -1 ? length : nextLf;
    if (nextCr !== -1 && nextCr < lf) {
      yield text.slice(pos, nextCr);
      pos = nextCr + (text.charCodeAt(nextCr + 1) === 0x0a ? 2 : 1);
    } else {
      yield text.slice(pos, lf);
      pos = lf + 1;
    }
  }
}

/**
 * Reads delimited rows from a whole text with Python's `csv.reader` default dialect
 * (buckets.md §3.0). Empty lines are skipped; every value is a string.
 * @throws ParseError when a field exceeds `fieldSizeLimit`.
 * @example
 * for (const row of readDelimitedRows('a "b c"\n', { delimiter: ' ' })) console.log(row); // ['a', 'b c']
 */
export function* readDelimitedRows(text: string, options: DelimitedOptions): Generator<string[]> {
  const assembler = new RowAssembler(options);
  for (const line of splitUniversalLines(text)) {
    const row = assembler.push(line);
    if (row !== undefined) yield row;
  }
  const last = text.charCodeAt(text.length - 1);
  const row = assembler.finish(last === 0x0a || last === 0x0d);
  if (row !== undefined) yield row;
}

/**
 * Streaming variant of {@link readDelimitedRows} over lines without terminators (such as
 * `ObjectContent.lines()`), so a large file is never held whole.
 * @throws ParseError when a field exceeds `fieldSizeLimit`.
 */
export async function* readDelimitedLines(
  lines: AsyncIterable<string> | Iterable<string>,
  options: DelimitedOptions,
): AsyncGenerator<string[]> {
  const assembler = new RowAssembler(options);
  for await (const line of lines) {
    const row = assembler.push(line);
    if (row !== undefined) yield row;
  }
  const row = assembler.finish(false);
  if (row !== undefined) yield row;
}

/**
 * Assigns values to names in order, like Python's `csv.DictReader`: missing trailing values are
 * `null`; surplus values are returned in `extra` (decision B30 names them `extra_fields`).
 */
export function rowToObject(
  names: readonly string[],
  values: readonly string[],
): { object: Record<string, unknown>; extra: string[] } {
  const object: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) object[names[i] as string] = i < values.length ? values[i] : null;
  const extra = values.length > names.length ? values.slice(names.length) : [];
  return { object, extra };
}

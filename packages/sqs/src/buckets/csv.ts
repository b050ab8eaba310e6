/** The CSV dialect chosen from a file's first line. */
export interface CsvDialect {
  delimiter: string;
  skipInitialSpace: boolean;
}

/** Delimiters a CSV file may use (decision Q28). */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/** Largest field accepted, as Python's csv module. */
export const FIELD_SIZE_LIMIT = 131072;

/**
 * Picks the dialect of a CSV candidate from its header line: the allowed delimiter occurring most
 * often outside quotes (ties: `,` `;` tab `|`), initial spaces skipped when every delimiter is
 * followed by one. `undefined` when no allowed delimiter occurs (the file is then plain text).
 */
export function sniffCsvDialect(header: string): CsvDialect | undefined {
  const counts = new Map<string, number>();
  let spaced = 0;
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (CSV_DELIMITERS as readonly string[]).includes(c))
      counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const d of CSV_DELIMITERS) if ((counts.get(d) ?? 0) > (best ? (counts.get(best) ?? 0) : 0)) best = d;
  if (best === undefined) return undefined;
  for (let i = 0; i < header.length; i++) if (header[i] === best && header[i + 1] === ' ') spaced++;
  return { delimiter: best, skipInitialSpace: best !== ' ' && spaced === counts.get(best) };
}

/**
 * Reads RFC 4180 records (`"` quoting, `""` for a literal quote, newlines inside quotes); empty
 * lines are skipped; an unterminated quote runs to the end of the text.
 * @throws Error when a field is longer than {@link FIELD_SIZE_LIMIT}.
 */
export function* readCsvRecords(text: string, dialect: CsvDialect): Generator<string[]> {
  const { delimiter, skipInitialSpace } = dialect;
  let row: string[] = [];
  let field = '';
  let i = 0;
  let atFieldStart = true;
  let rowHasField = false;
  const push = () => {
    if (field.length > FIELD_SIZE_LIMIT)
      throw new Error(`field larger than field limit (${FIELD_SIZE_LIMIT})`);
    row.push(field);
    field = '';
    atFieldStart = true;
    rowHasField = true;
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (atFieldStart && skipInitialSpace && c === ' ') {
      i++;
      continue;
    }
    if (atFieldStart && c === '"') {
      atFieldStart = false;
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) {
          field += text.slice(i);
          i = text.length;
          break;
        }
        field += text.slice(i, close);
        if (text[close + 1] === '"') {
          field += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      continue;
    }
    if (c === delimiter) {
      push();
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (rowHasField || field.length > 0 || !atFieldStart) {
        push();
        yield row;
      }
      row = [];
      rowHasField = false;
      field = '';
      atFieldStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    atFieldStart = false;
    field += c;
    i++;
  }
  if (rowHasField || field.length > 0 || !atFieldStart) {
    push();
    yield row;
  }
}

import { type JsonObject, type Logger, parsePythonJson, readConcatenatedJson } from '@wazuh-aws/core';
import { withSource } from '../envelope.js';
import { readCsvRecords, sniffCsvDialect } from './csv.js';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `.jsonl.gz` objects: one JSON object per line, kept as is (subscribers.md §5.3; blank lines skipped, Q25). */
function jsonLinesRecords(text: string): JsonObject[] | undefined {
  const records: JsonObject[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = parsePythonJson(line);
    } catch {
      return undefined;
    }
    if (!isObject(value)) return undefined;
    records.push(value);
  }
  return records;
}

/**
 * Concatenated JSON objects (any whitespace between, BOM allowed: Q24): an object `detail` is
 * unwrapped (Q27), then `source` is `custom`. `undefined` when the text is not only objects.
 */
function concatenatedJsonRecords(text: string): JsonObject[] | undefined {
  const records: JsonObject[] = [];
  try {
    for (const value of readConcatenatedJson(text)) {
      if (!isObject(value)) return undefined;
      const base = isObject(value.detail) ? value.detail : value;
      records.push(withSource(base, 'custom'));
    }
  } catch {
    return undefined;
  }
  return records;
}

/** CSV rows as objects: header names, missing values omitted, extras under `extra_fields` (B30). */
function* csvRecords(
  text: string,
  dialect: NonNullable<ReturnType<typeof sniffCsvDialect>>,
): Generator<JsonObject> {
  let names: string[] | undefined;
  for (const row of readCsvRecords(text, dialect)) {
    if (!names) {
      names = row;
      continue;
    }
    const record: JsonObject = {};
    names.forEach((name, i) => {
      if (i < row.length) record[name] = row[i];
    });
    if (row.length > names.length) record.extra_fields = row.slice(names.length);
    yield withSource(record, 'custom');
  }
}

/** Plain text: one record per non-blank line (Q31). */
function* textRecords(text: string): Generator<JsonObject> {
  for (const line of text.split(/\r\n|\r|\n/)) if (line !== '') yield { full_log: line, source: 'custom' };
}

/**
 * The records of a `buckets` object (subscribers.md §5.2): JSON (lines or concatenated) first;
 * otherwise CSV when the first line has no digit and an allowed delimiter (Q28); otherwise text.
 *
 * @example [...parseBucketsObject('a,b\n1,2\n', 'x.csv')] // [{ a: '1', b: '2', source: 'custom' }]
 */
export function* parseBucketsObject(text: string, key: string, logger?: Logger): Generator<JsonObject> {
  if (text.length === 0) return;
  const json = /\.jsonl\.gz$/i.test(key) ? jsonLinesRecords(text) : concatenatedJsonRecords(text);
  if (json) {
    yield* json;
    return;
  }
  logger?.debug(2, '+++ Log file does not contain JSON objects. Trying with other formats.');
  const newline = text.search(/\r|\n/);
  const header = (newline === -1 ? text : text.slice(0, newline)).replace(/^\ufeff/, '').trim();
  const dialect =
    header !== '' && !/\p{Nd}/u.test(header) && /[\x00-\x7f]/.test(header)
      ? sniffCsvDialect(header)
      : undefined;
  if (dialect) {
    logger?.debug(2, '+++ Log file is CSV formatted.');
    yield* csvRecords(text.replace(/^\ufeff/, ''), dialect);
    return;
  }
  logger?.debug(2, '+++ Data in the file does not seem to be CSV. Trying with plain text.');
  yield* textRecords(text);
}

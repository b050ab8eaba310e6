import { pipeline, Readable } from 'node:stream';
import {
  type AwsEvent,
  createContentDecoder,
  DecompressError,
  isObject,
  type ObjectContent,
  ParseError,
  parsePythonJson,
  WazuhAwsError,
} from '@wazuh-aws/core';
import StreamJson from 'stream-json';
import Pick from 'stream-json/filters/Pick.js';
import StreamArray from 'stream-json/streamers/StreamArray.js';
import { recordsOf } from './records.js';

/** Decompressed size above which a file's array is streamed instead of parsed whole. */
export const STREAM_THRESHOLD = 32 * 1024 * 1024;

export interface StreamRecordsOptions {
  /** Top-level member holding the records (`Records`). */
  field: string;
  /** Value of `source` set on every record. */
  source: string;
  /** @default STREAM_THRESHOLD */
  streamAbove?: number;
}

/**
 * Yields the records under `field` of one AWSLogs JSON document. Files up to `streamAbove`
 * decompressed bytes are parsed whole with the Python decoder's rules; larger ones are streamed
 * record by record (memory stays flat; `NaN`/`Infinity` are not accepted there, and records
 * before a syntax error have already been yielded).
 */
export async function* streamRecords(
  content: ObjectContent,
  options: StreamRecordsOptions,
): AsyncGenerator<AwsEvent> {
  const limit = options.streamAbove ?? STREAM_THRESHOLD;
  const bytes = content.stream()[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  // Strict UTF-8; invalid bytes in a .gz/.zip are a decompression error (decision C20).
  const decoder = createContentDecoder(content.key);
  const head: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await bytes.next();
    if (next.done) {
      const text = head.map((chunk) => decoder.write(chunk)).join('') + decoder.end();
      yield* recordsOf(parsePythonJson(text), options.field, options.source);
      return;
    }
    head.push(next.value);
    size += next.value.length;
    if (size > limit) break;
  }
  async function* texts(): AsyncGenerator<string> {
    for (const chunk of head.splice(0)) yield decoder.write(chunk);
    for (let next = await bytes.next(); !next.done; next = await bytes.next())
      yield decoder.write(next.value);
    yield decoder.end();
  }
  const records = pipeline(
    Readable.from(texts()),
    StreamJson.parser(),
    Pick.pick({ filter: options.field }),
    StreamArray.streamArray(),
    () => {},
  );
  let index = 0;
  try {
    for await (const { value } of records as AsyncIterable<{ value: unknown }>) {
      if (!isObject(value)) {
        throw new DecompressError(
          `'${options.field}' element ${index} is not an object`,
          undefined,
          'TypeError',
        );
      }
      value.source = options.source;
      index++;
      yield value;
    }
  } catch (error) {
    if (error instanceof WazuhAwsError) throw error;
    const text = error instanceof Error ? error.message : String(error);
    if (/should be an array/.test(text)) {
      throw new DecompressError(`'${options.field}' is not an array of objects`, error, 'TypeError');
    }
    throw new ParseError(`Invalid JSON: ${text}`, error, 'JSONDecodeError');
  }
}

import { Readable } from 'node:stream';
import { DecompressError, ParseError } from '../errors/errors.js';
import type { ObjectContent } from '../plugin/types.js';
import { bodyChunks, type ObjectBody, readAll } from './byte-source.js';
import { decodingFailure } from './content-decoder.js';
import {
  GUNZIP_SYNC_MAX_INPUT,
  gunzipBufferAsync,
  gunzipBufferSync,
  gunzipChunks,
  INVALID_GZIP,
} from './gunzip.js';
import { compressionOfKey } from './key-kind.js';
import { createLineSplitter, splitLines } from './line-splitter.js';
import { unzipFirstEntry } from './unzip.js';
import { createUtf8Decoder } from './utf8-decoder.js';
import { INVALID_ZIP } from './zip-directory.js';

/** Options of {@link openObjectContent}. */
export interface OpenContentOptions {
  /** Most decompressed bytes `stream()` and `lines()` deliver before failing. @default 4 GiB */
  maxBytes?: number;
  /** Most bytes `text()` decodes into one string before failing. @default 500 MiB */
  maxTextBytes?: number;
  /**
   * The body was already decompressed (see {@link inflateAhead}): it is read as is, while errors
   * keep the classes of the key's compression (invalid UTF-8 in a `.gz` is a DecompressError).
   */
  inflated?: boolean;
}

/** Default cap on decompressed bytes (zip bombs). */
export const DEFAULT_MAX_BYTES = 4 * 1024 ** 3;
/** Default cap for `text()`; V8 strings cannot be much longer than 512 Mi characters. */
export const DEFAULT_MAX_TEXT_BYTES = 500 * 1024 ** 2;

/** Decompressed bytes: one validated buffer (small objects) or a stream of chunks. */
type Bytes = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Opens an object's body as text, decompressing by the key's suffix (case-insensitive, decision
 * C22): `.gz` gunzip (all members), `.zip` the first entry, `.snappy` unsupported, anything else
 * plain. Nothing is read until `text()`, `lines()` or `stream()` is called; errors surface there:
 * {@link DecompressError} for corrupt or truncated data (decision C20: invalid UTF-8 inside a
 * compressed object too), {@link ParseError} for invalid UTF-8 in a plain object. Small in-memory
 * bodies are fully decompressed and decoded before the first line is returned, so a corrupt small
 * file yields no line at all. A stream body can be consumed once.
 *
 * @example
 * const content = openObjectContent(key, await getObjectBody(bucket, key));
 * for await (const line of content.lines()) handle(line);
 */
export function openObjectContent(
  key: string,
  body: ObjectBody,
  options: OpenContentOptions = {},
): ObjectContent {
  const kind = compressionOfKey(key);
  const bytesKind = options.inflated ? 'none' : kind;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxTextBytes = Math.min(options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES, maxBytes);
  let consumed = false;

  const tooLarge = (limit: number) => () =>
    new DecompressError(`The decompressed content of ${key} is larger than the limit of ${limit} bytes.`);

  async function bytes(limit: number): Promise<Bytes> {
    if (!(body instanceof Uint8Array)) {
      if (consumed)
        throw new Error(`The content of ${key} was already read (a stream body can be read once).`);
      consumed = true;
    }
    switch (bytesKind) {
      case 'snappy':
        throw new DecompressError(
          `Couldn't decompress the ${key} file, snappy compression is not supported.`,
        );
      case 'gzip': {
        if (body instanceof Uint8Array && body.length <= GUNZIP_SYNC_MAX_INPUT) {
          const whole = gunzipBufferSync(body, tooLarge(limit), limit);
          if (whole) return whole;
        }
        return gunzipChunks(bodyChunks(body), tooLarge(limit), limit);
      }
      case 'zip':
        return unzipFirstEntry(await readAll(body, limit, tooLarge(limit)), tooLarge(limit), limit);
      default:
        if (body instanceof Uint8Array) {
          if (body.length > limit) throw tooLarge(limit)();
          return body;
        }
        return capped(bodyChunks(body), limit, tooLarge(limit));
    }
  }

  async function* decodedText(limit: number): AsyncGenerator<string> {
    try {
      const source = await bytes(limit);
      const decoder = createUtf8Decoder();
      if (source instanceof Uint8Array) {
        yield decoder.write(source) + decoder.end();
        return;
      }
      for await (const chunk of source) yield decoder.write(chunk);
      yield decoder.end();
    } catch (error) {
      throw decodingFailure(kind, error);
    }
  }

  return {
    key,
    async text() {
      const parts: string[] = [];
      for await (const part of decodedText(maxTextBytes)) parts.push(part);
      return parts.join('');
    },
    async *lines() {
      const source = decodedText(maxBytes);
      const first = await source.next();
      if (first.done) return;
      const splitter = createLineSplitter();
      const next = await source.next();
      if (next.done) {
        yield* splitLines(first.value); // one validated text: split it lazily
        return;
      }
      yield* splitter.push(first.value);
      yield* splitter.push(next.value);
      for await (const text of source) yield* splitter.push(text);
      yield* splitter.end();
    },
    stream() {
      return Readable.from(streamBytes(), { objectMode: false });
      async function* streamBytes() {
        const source = await bytes(maxBytes);
        if (source instanceof Uint8Array) yield source;
        else yield* source;
      }
    },
  };
}

/**
 * Decompresses a downloaded `.gz` body ahead of its turn, on the thread pool; pass the result to
 * {@link openObjectContent} with `inflated: true`. Other bodies (and outputs too large for one
 * buffer) come back as they are, with `inflated: false`. Corrupt data rejects with the
 * DecompressError that reading the content would raise.
 */
export async function inflateAhead(
  key: string,
  body: Uint8Array,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<{ body: Uint8Array; inflated: boolean }> {
  if (compressionOfKey(key) !== 'gzip') return { body, inflated: false };
  const out = await gunzipBufferAsync(body, maxBytes);
  return out ? { body: out, inflated: true } : { body, inflated: false };
}

async function* capped(source: AsyncIterable<Uint8Array>, limit: number, tooLarge: () => Error) {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > limit) throw tooLarge();
    yield chunk;
  }
}

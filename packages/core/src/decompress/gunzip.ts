import { promisify } from 'node:util';
import { createGunzip, gunzip, gunzipSync } from 'node:zlib';
import { DecompressError } from '../errors/errors.js';
import { type InflateFailure, inflateStream, inflateSyncCapped } from './inflate.js';

/** The reference's text for any gzip failure (core.md §6); truncation included (decision C20). */
export const INVALID_GZIP = 'Invalid gzip file received.';

/** Compressed bodies up to this size in memory are inflated in one sync call. */
export const GUNZIP_SYNC_MAX_INPUT = 8 * 1024 * 1024;
/** Output cap of the sync path; a larger output falls back to streaming. */
const SYNC_MAX_OUTPUT = 256 * 1024 * 1024;

/** Output cap of the thread-pool path: objects inflated ahead are held in memory until their turn. */
const AHEAD_MAX_OUTPUT = 64 * 1024 * 1024;

const invalidGzip = (cause: unknown) => new DecompressError(INVALID_GZIP, cause);

/**
 * Gunzips a small in-memory body in one call (all members of a multi-member file). Returns
 * `undefined` when the output is too large for the sync path. Empty input is empty output, as in
 * Python's `gzip` module.
 */
export function gunzipBufferSync(
  body: Uint8Array,
  tooLarge: () => DecompressError,
  maxBytes: number,
): Buffer | undefined {
  if (body.length === 0) return Buffer.alloc(0);
  return inflateSyncCapped(gunzipSync, body, Math.min(SYNC_MAX_OUTPUT, maxBytes + 1), {
    invalid: invalidGzip,
    tooLarge,
    maxBytes,
  });
}

const gunzipAsync = promisify(gunzip) as (
  input: Uint8Array,
  options: { maxOutputLength: number; chunkSize: number },
) => Promise<Buffer>;

/**
 * Gunzips a small in-memory body on libuv's thread pool (off the main thread), so objects
 * downloaded ahead are inflated while the engine parses and sends earlier ones. Returns
 * `undefined` when the output would exceed the sync path's cap (inflate it as a stream instead).
 */
export async function gunzipBufferAsync(body: Uint8Array, maxBytes: number): Promise<Buffer | undefined> {
  if (body.length === 0) return Buffer.alloc(0);
  if (body.length > GUNZIP_SYNC_MAX_INPUT) return undefined;
  try {
    // Output chunks of about the expected size: each chunk costs a main-thread callback and a copy.
    const chunkSize = Math.min(8 * 1024 * 1024, Math.max(64 * 1024, body.length * 8));
    const out = await gunzipAsync(body, {
      maxOutputLength: Math.min(AHEAD_MAX_OUTPUT, maxBytes + 1),
      chunkSize,
    });
    return out.length > maxBytes ? undefined : out;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw invalidGzip(error);
  }
}

/** Streams the gunzipped bytes of `source` (concatenated members read as one stream). */
export async function* gunzipChunks(
  source: AsyncIterable<Uint8Array>,
  tooLarge: () => DecompressError,
  maxBytes: number,
): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return; // an empty object is empty text, like Python's gzip module
  async function* rest(): AsyncGenerator<Uint8Array> {
    try {
      yield first.value as Uint8Array;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  const failure: InflateFailure = { invalid: invalidGzip, tooLarge, maxBytes };
  yield* inflateStream(rest(), createGunzip(), failure);
}

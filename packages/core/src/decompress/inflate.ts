import { pipeline, Readable, type Transform } from 'node:stream';
import { DecompressError } from '../errors/errors.js';

/** What a decompressor does when its input is corrupt and when its output grows too large. */
export interface InflateFailure {
  /** The error for corrupt or truncated input. */
  invalid: (cause: unknown) => DecompressError;
  /** The error once more than `maxBytes` bytes came out. */
  tooLarge: () => DecompressError;
  maxBytes: number;
}

/**
 * Pipes `source` through a zlib transform and yields its output. Corrupt or truncated input becomes
 * `failure.invalid(cause)`; errors of the source itself (e.g. a dropped download) pass unchanged.
 */
export async function* inflateStream(
  source: AsyncIterable<Uint8Array>,
  transform: Transform,
  failure: InflateFailure,
): AsyncGenerator<Buffer> {
  let sourceError: { error: unknown } | undefined;
  async function* tracked() {
    try {
      yield* source;
    } catch (error) {
      sourceError = { error };
      throw error;
    }
  }
  const input = Readable.from(tracked(), { objectMode: false });
  pipeline(input, transform, () => {});
  let total = 0;
  try {
    for await (const chunk of transform as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > failure.maxBytes) throw failure.tooLarge();
      yield chunk;
    }
  } catch (error) {
    if (sourceError) throw sourceError.error;
    if (error instanceof DecompressError) throw error;
    throw failure.invalid(error);
  } finally {
    transform.destroy();
    input.destroy();
  }
}

/** Error code Node's sync zlib calls use when the output would exceed `maxOutputLength`. */
export const OUTPUT_TOO_LARGE = 'ERR_BUFFER_TOO_LARGE';

/** Sync zlib call with an output cap; `undefined` when the output exceeded `cap` (use the stream path). */
export function inflateSyncCapped(
  run: (input: Uint8Array, options: { maxOutputLength: number }) => Buffer,
  input: Uint8Array,
  cap: number,
  failure: InflateFailure,
): Buffer | undefined {
  try {
    const out = run(input, { maxOutputLength: cap });
    if (out.length > failure.maxBytes) throw failure.tooLarge();
    return out;
  } catch (error) {
    if (error instanceof DecompressError) throw error;
    if ((error as { code?: string }).code === OUTPUT_TOO_LARGE) return undefined;
    throw failure.invalid(error);
  }
}

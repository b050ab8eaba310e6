import { DecompressError, ParseError } from '../errors/errors.js';
import { INVALID_GZIP } from './gunzip.js';
import { type Compression, compressionOfKey } from './key-kind.js';
import { createUtf8Decoder, type Utf8StreamDecoder } from './utf8-decoder.js';
import { INVALID_ZIP } from './zip-directory.js';

/** Decision C20: invalid UTF-8 inside a compressed object is a decompression error, not a parse error. */
export function decodingFailure(compression: Compression, error: unknown): unknown {
  if (!(error instanceof ParseError)) return error;
  if (compression === 'gzip') return new DecompressError(INVALID_GZIP, error);
  if (compression === 'zip') return new DecompressError(INVALID_ZIP, error);
  return error;
}

/**
 * The strict UTF-8 decoder for the decompressed bytes of object `key`, with decision C20 applied:
 * a `ParseError` for a plain object, the reference's decompression error for a `.gz` or `.zip`.
 */
export function createContentDecoder(key: string): Utf8StreamDecoder {
  const compression = compressionOfKey(key);
  const decoder = createUtf8Decoder();
  const decode = (read: () => string): string => {
    try {
      return read();
    } catch (error) {
      throw decodingFailure(compression, error);
    }
  };
  return {
    write: (chunk) => decode(() => decoder.write(chunk)),
    end: () => decode(() => decoder.end()),
  };
}

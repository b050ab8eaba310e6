export type { ObjectBody } from './byte-source.js';
export { createContentDecoder, decodingFailure } from './content-decoder.js';
export { INVALID_GZIP } from './gunzip.js';
export { type Compression, compressionOfKey, isCompressedKey } from './key-kind.js';
export { readLineBatches } from './line-batches.js';
export { createLineSplitter, type LineSplitter, splitLines } from './line-splitter.js';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_TEXT_BYTES,
  inflateAhead,
  type OpenContentOptions,
  openObjectContent,
} from './object-content.js';
export { createUtf8Decoder, type Utf8StreamDecoder } from './utf8-decoder.js';
export { INVALID_ZIP } from './zip-directory.js';

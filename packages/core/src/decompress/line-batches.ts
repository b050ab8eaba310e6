import { DecompressError, ParseError } from '../errors/errors.js';
import type { ObjectContent } from '../plugin/types.js';
import { INVALID_GZIP } from './gunzip.js';
import { compressionOfKey } from './key-kind.js';
import { createLineSplitter } from './line-splitter.js';
import { createUtf8Decoder } from './utf8-decoder.js';
import { INVALID_ZIP } from './zip-directory.js';

/**
 * The lines of an object, as `content.lines()` gives them, but one array per decompressed chunk:
 * a parser handles a batch synchronously, so a very large file streams in constant memory without
 * an async step per line. Same rules as `lines()`: strict UTF-8 (invalid bytes in a `.gz`/`.zip`
 * are a DecompressError, decision C20), universal newlines, no terminators.
 *
 * @example
 * for await (const lines of readLineBatches(content)) for (const line of lines) handle(line);
 */
export async function* readLineBatches(content: ObjectContent): AsyncGenerator<string[]> {
  const kind = compressionOfKey(content.key);
  const decoder = createUtf8Decoder();
  const splitter = createLineSplitter();
  const decode = (read: () => string): string => {
    try {
      return read();
    } catch (error) {
      if (error instanceof ParseError && kind === 'gzip') throw new DecompressError(INVALID_GZIP, error);
      if (error instanceof ParseError && kind === 'zip') throw new DecompressError(INVALID_ZIP, error);
      throw error;
    }
  };
  for await (const chunk of content.stream()) {
    const lines = splitter.push(decode(() => decoder.write(chunk as Uint8Array)));
    if (lines.length > 0) yield lines;
  }
  const last = [...splitter.push(decode(() => decoder.end())), ...splitter.end()];
  if (last.length > 0) yield last;
}

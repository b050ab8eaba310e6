import type { ObjectContent } from '../plugin/types.js';
import { createContentDecoder } from './content-decoder.js';
import { createLineSplitter } from './line-splitter.js';

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
  const decoder = createContentDecoder(content.key);
  const splitter = createLineSplitter();
  for await (const chunk of content.stream()) {
    const lines = splitter.push(decoder.write(chunk as Uint8Array));
    if (lines.length > 0) yield lines;
  }
  const last = [...splitter.push(decoder.end()), ...splitter.end()];
  if (last.length > 0) yield last;
}

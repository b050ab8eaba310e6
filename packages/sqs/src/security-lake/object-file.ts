import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AsyncBuffer, chunkedFile } from './chunked-file.js';

/** Objects up to this size are read from memory; larger ones are spilled to a private temp file. */
export const SPILL_ABOVE_BYTES = 16 * 1024 * 1024;

/** A downloaded object readable by range, and how to release it. */
export interface ObjectFile {
  readonly file: AsyncBuffer;
  /** The temp file, when the body was spilled. */
  readonly path?: string;
  close(): Promise<void>;
}

/**
 * Reads a body into something hyparquet can read by range without holding a large object in
 * memory: small bodies stay as their chunks, larger ones go to a mode-0600 file in a new temp
 * directory that `close()` removes.
 */
export async function readObjectFile(
  body: AsyncIterable<Uint8Array>,
  spillAbove = SPILL_ABOVE_BYTES,
): Promise<ObjectFile> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const iterator = body[Symbol.asyncIterator]();
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    chunks.push(next.value);
    size += next.value.length;
    if (size > spillAbove) return spill(chunks, iterator);
  }
  return { file: chunkedFile(chunks), close: async () => {} };
}

async function spill(head: Uint8Array[], rest: AsyncIterator<Uint8Array>): Promise<ObjectFile> {
  const dir = await mkdtemp(join(tmpdir(), 'wazuh-aws-parquet-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const handle = await open(join(dir, 'object.parquet'), 'w+', 0o600);
    try {
      let size = 0;
      for (const chunk of head.splice(0)) size += (await handle.write(chunk)).bytesWritten;
      for (let next = await rest.next(); !next.done; next = await rest.next())
        size += (await handle.write(next.value)).bytesWritten;
      const file: AsyncBuffer = {
        byteLength: size,
        async slice(start, end = size) {
          const from = Math.max(0, Math.min(start < 0 ? size + start : start, size));
          const to = Math.max(from, Math.min(end < 0 ? size + end : end, size));
          const out = Buffer.allocUnsafeSlow(to - from);
          let read = 0;
          while (read < out.length) {
            const { bytesRead } = await handle.read(out, read, out.length - read, from + read);
            if (bytesRead === 0) break;
            read += bytesRead;
          }
          return out.buffer as ArrayBuffer;
        },
      };
      return {
        file,
        path: join(dir, 'object.parquet'),
        async close() {
          await handle.close();
          await remove();
        },
      };
    } catch (error) {
      await handle.close();
      throw error;
    }
  } catch (error) {
    await rest.return?.();
    await remove();
    throw error;
  }
}

import type { Readable } from 'node:stream';

/** What an object's body may be: the SDK's stream or bytes already in memory. */
export type ObjectBody = Readable | Buffer | Uint8Array;

/** The body's bytes as chunks (a buffer is one chunk). */
export async function* bodyChunks(body: ObjectBody): AsyncGenerator<Uint8Array> {
  if (body instanceof Uint8Array) {
    if (body.length > 0) yield body;
    return;
  }
  for await (const chunk of body) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
    if (bytes.length > 0) yield bytes;
  }
}

/** Reads the whole body into one buffer, failing once more than `limit` bytes arrived. */
export async function readAll(body: ObjectBody, limit: number, onLimit: () => Error): Promise<Buffer> {
  if (body instanceof Uint8Array) {
    if (body.length > limit) throw onLimit();
    return Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of bodyChunks(body)) {
    total += chunk.length;
    if (total > limit) {
      body.destroy();
      throw onLimit();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

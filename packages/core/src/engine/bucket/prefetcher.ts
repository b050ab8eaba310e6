import type { Readable } from 'node:stream';
import type { ObjectStore } from '../../aws/object-store.js';
import type { ObjectRef } from '../../plugin/types.js';

/** Objects up to this size are downloaded ahead into memory; larger ones are streamed at their turn. */
const PREFETCH_MAX_BYTES = 16 * 1024 * 1024;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Downloads up to `window` objects ahead of the one being processed, so the network overlaps
 * parsing and sending, while bodies are still consumed strictly in key order.
 */
export function createPrefetcher(store: ObjectStore, objects: readonly ObjectRef[], window: number, signal?: AbortSignal) {
  const pending = new Map<number, Promise<Readable | Buffer>>();
  let next = 0;

  const start = (index: number) => {
    const object = objects[index]!;
    const small = object.size !== undefined && object.size <= PREFETCH_MAX_BYTES;
    const body = small ? store.open(object.bucket, object.key, signal).then(readAll) : Promise.resolve(null);
    body.catch(() => {}); // surfaced when the object's turn comes
    pending.set(index, body as Promise<Readable | Buffer>);
  };

  return {
    /** The body of object `index`; call with increasing indexes. */
    async take(index: number): Promise<Readable | Buffer> {
      while (next < objects.length && next < index + window) start(next++);
      const body = await pending.get(index);
      pending.delete(index);
      if (body) return body;
      const object = objects[index]!;
      return store.open(object.bucket, object.key, signal);
    },
  };
}

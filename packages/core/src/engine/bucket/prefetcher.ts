import type { Readable } from 'node:stream';
import type { ObjectStore } from '../../aws/object-store.js';
import { inflateAhead } from '../../decompress/index.js';
import type { ObjectRef } from '../../plugin/types.js';
import type { ParseResult } from './parse-job.js';

/** Objects up to this size are downloaded ahead into memory; larger ones are streamed at their turn. */
const PREFETCH_MAX_BYTES = 16 * 1024 * 1024;

/** A file parsed ahead by a parse worker (its frames, or its failure). */
export type ParsedAhead = Exclude<ParseResult, { outcome: 'too-large' }>;

/** An object's body as the engine gets it: parsed ahead, in memory (maybe already inflated) or a stream. */
export interface PrefetchedBody {
  body: Readable | Buffer | Uint8Array;
  /** The body was decompressed ahead (see `inflateAhead`). */
  inflated: boolean;
  /** Set when a parse worker already turned the body into frames: nothing is left to parse. */
  parsed?: ParsedAhead;
}

/**
 * Hands an object's downloaded bytes to a parse worker; resolves `undefined` when the object is
 * left to the main thread (too large for a worker, no worker left).
 */
export type ParseAhead = (object: ObjectRef, bytes: Buffer) => Promise<ParseResult | undefined> | undefined;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Downloads up to `window` objects ahead of the one being processed and parses them on the parse
 * workers (or gunzips them on the thread pool), so network, decompression and parsing overlap
 * sending on the main thread, while bodies are still consumed strictly in key order.
 */
export function createPrefetcher(
  store: ObjectStore,
  objects: readonly ObjectRef[],
  window: number,
  signal?: AbortSignal,
  parseAhead?: ParseAhead,
) {
  const pending = new Map<number, Promise<PrefetchedBody | null>>();
  let next = 0;

  const prepare = async (object: ObjectRef, bytes: Buffer): Promise<PrefetchedBody> => {
    const parsed = await parseAhead?.(object, bytes);
    if (parsed && parsed.outcome !== 'too-large') return { body: bytes, inflated: false, parsed };
    return inflateAhead(object.key, bytes);
  };

  const start = (index: number) => {
    const object = objects[index]!;
    const small = object.size !== undefined && object.size <= PREFETCH_MAX_BYTES;
    const body = small
      ? store
          .open(object.bucket, object.key, signal)
          .then(readAll)
          .then((bytes) => prepare(object, bytes))
      : Promise.resolve(null);
    body.catch(() => {}); // surfaced when the object's turn comes
    pending.set(index, body);
  };

  return {
    /** The body of object `index`; call with increasing indexes. */
    async take(index: number): Promise<PrefetchedBody> {
      while (next < objects.length && next < index + window) start(next++);
      const body = await pending.get(index);
      pending.delete(index);
      if (body) return body;
      const object = objects[index]!;
      return { body: await store.open(object.bucket, object.key, signal), inflated: false };
    },
  };
}

import type { Framing } from '../../sender/index.js';

export type { Framing };

/** A file's messages as ready-to-send frames: frame `i` is `data[ends[i-1] ?? 0, ends[i])`. */
export interface Frames {
  data: Uint8Array;
  ends: Uint32Array;
}

/**
 * Packs encoded messages (ASCII JSON, see `encodeJsonAscii`) into one growing buffer, each inside
 * the sink's framing, so a parse worker hands a whole file to the main thread as two transferable
 * arrays instead of one string per message.
 */
export function createFrameWriter(framing: Framing, reuse?: ArrayBuffer) {
  const header = Buffer.from(framing.header, 'latin1');
  const trailer = Buffer.from(framing.trailer, 'latin1');
  // Never from Buffer's shared pool: the whole ArrayBuffer is transferred to the main thread.
  let data = reuse ? Buffer.from(reuse) : Buffer.allocUnsafeSlow(64 * 1024);
  let ends = new Uint32Array(256);
  let size = 0;
  let count = 0;

  const reserve = (bytes: number) => {
    if (size + bytes <= data.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(data.length * 2, size + bytes));
    data.copy(grown, 0, 0, size);
    data = grown;
  };

  return {
    /** Appends one message body (ASCII only: one byte per character). */
    add(json: string) {
      reserve(header.length + json.length + trailer.length);
      size += header.copy(data, size);
      size += data.write(json, size, 'latin1');
      size += trailer.copy(data, size);
      if (count === ends.length) {
        const grown = new Uint32Array(ends.length * 2);
        grown.set(ends);
        ends = grown;
      }
      ends[count++] = size;
    },
    get bytes() {
      return size;
    },
    get count() {
      return count;
    },
    /** The frames written so far, in buffers of their own (safe to transfer). */
    finish(): Frames {
      return { data: new Uint8Array(data.buffer, data.byteOffset, size), ends: ends.slice(0, count) };
    },
  };
}

/** Every frame of `frames`, in order, as a view (no copy). */
export function* eachFrame(frames: Frames): Generator<Buffer> {
  const { data, ends } = frames;
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i] as number;
    yield Buffer.from(data.buffer, data.byteOffset + start, end - start);
    start = end;
  }
}

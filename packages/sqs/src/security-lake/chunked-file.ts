/** hyparquet's random-access input. */
export interface AsyncBuffer {
  byteLength: number;
  slice(start: number, end?: number): ArrayBuffer | Promise<ArrayBuffer>;
}

/**
 * A file held as the chunks it was downloaded in, readable by range without first concatenating
 * them (which would hold the file twice at the peak). Each slice is a copy, as
 * `ArrayBuffer.prototype.slice` makes too.
 */
/** An {@link AsyncBuffer} whose slices are ready at once. */
export interface SyncBuffer extends AsyncBuffer {
  slice(start: number, end?: number): ArrayBuffer;
}

export function chunkedFile(chunks: readonly Uint8Array[]): SyncBuffer {
  const starts: number[] = [];
  let byteLength = 0;
  for (const chunk of chunks) {
    starts.push(byteLength);
    byteLength += chunk.length;
  }
  /** Index of the chunk holding byte `offset` (binary search). */
  const chunkAt = (offset: number): number => {
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    byteLength,
    slice(start, end = byteLength) {
      const from = Math.max(0, Math.min(start < 0 ? byteLength + start : start, byteLength));
      const to = Math.max(from, Math.min(end < 0 ? byteLength + end : end, byteLength));
      const out = new Uint8Array(to - from);
      let written = 0;
      for (let i = chunkAt(from); written < out.length && i < chunks.length; i++) {
        const chunk = chunks[i] as Uint8Array;
        const offset = from + written - (starts[i] as number);
        const part = chunk.subarray(offset, Math.min(chunk.length, offset + out.length - written));
        out.set(part, written);
        written += part.length;
      }
      return out.buffer;
    },
  };
}

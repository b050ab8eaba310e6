import type { DataReader } from 'hyparquet';
import type { LeafChunk } from './leaf-page.js';
import { floatRepr, stringText } from './python-text.js';

// Buffer's own decoder, what `toString('utf8', start, end)` calls without its argument checks.
// Invalid bytes become U+FFFD as with TextDecoder; a leading BOM is kept, as Arrow keeps it.
type SliceDecoder = (this: Buffer, start: number, end: number) => string;
const utf8Slice: SliceDecoder =
  (Buffer.prototype as unknown as { utf8Slice?: SliceDecoder }).utf8Slice ??
  function (this: Buffer, start: number, end: number) {
    return this.toString('utf8', start, end);
  };

/**
 * The text of each of `count` values stored from `start` in plain or dictionary encoding, read
 * on demand from the page's bytes: no value is built before its row is written.
 */
export function valueText(
  chunk: Pick<LeafChunk, 'lib' | 'decoder' | 'dictionary'>,
  encoding: string,
  bytes: Uint8Array,
  start: number,
  count: number,
): (index: number) => string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'PLAIN_DICTIONARY' || encoding === 'RLE_DICTIONARY') {
    const texts = chunk.dictionary?.texts ?? [];
    const indexes = new Int32Array(count);
    if (count > 0) {
      const width = view.getUint8(start);
      const reader: DataReader = { view, offset: start + 1 };
      if (width) chunk.lib.readRleBitPackedHybrid(reader, width, indexes, bytes.length - start - 1);
    }
    return (index) => texts[indexes[index] as number] ?? 'null';
  }
  switch (chunk.decoder.type) {
    case 'BYTE_ARRAY': {
      // Where each value's 4-byte length is: value i is the bytes [offsets[i] + 4, offsets[i + 1]).
      const offsets = new Int32Array(count + 1);
      let position = start;
      for (let i = 0; i < count; i++) {
        offsets[i] = position;
        position += 4 + view.getUint32(position, true);
      }
      if (position > bytes.length) throw new Error('parquet byte array values run past their page');
      offsets[count] = position;
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return (index) =>
        stringText(utf8Slice.call(buffer, (offsets[index] as number) + 4, offsets[index + 1] as number));
    }
    case 'INT32':
      return (index) => String(view.getInt32(start + index * 4, true));
    case 'INT64':
      return (index) => {
        const low = view.getUint32(start + index * 8, true);
        const high = view.getInt32(start + index * 8 + 4, true);
        // Exact as a double below 2^53; larger values go through BigInt.
        return high >= -0x200000 && high < 0x200000
          ? String(high * 0x100000000 + low)
          : view.getBigInt64(start + index * 8, true).toString();
      };
    case 'FLOAT':
    case 'DOUBLE': {
      const read =
        chunk.decoder.type === 'FLOAT'
          ? (index: number) => view.getFloat32(start + index * 4, true)
          : (index: number) => view.getFloat64(start + index * 8, true);
      return (index) => {
        const value = read(index);
        return Number.isFinite(value) ? floatRepr(value) : 'null';
      };
    }
    case 'BOOLEAN':
      return (index) => ((view.getUint8(start + (index >> 3)) >> (index & 7)) & 1 ? 'true' : 'false');
    default:
      throw new Error(`parquet type ${chunk.decoder.type} is not read as plain text`);
  }
}

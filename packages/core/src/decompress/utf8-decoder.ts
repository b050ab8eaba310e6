import { isAscii } from 'node:buffer';
import { ParseError } from '../errors/errors.js';

/** Strict streaming UTF-8 decoder whose errors name the byte and its offset, like Python's codec. */
export interface Utf8StreamDecoder {
  /** Decodes `chunk`, keeping an incomplete trailing sequence for the next call. */
  write(chunk: Uint8Array): string;
  /** Ends the stream; a still incomplete sequence is an error. */
  end(): string;
}

/** Byte length of the sequence a lead byte starts; 0 for a byte that cannot start one. */
function sequenceLength(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 0;
}

/** Valid range of the first continuation byte after `lead` (excludes overlongs and surrogates). */
function firstContinuationRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

const hex = (byte: number) => `0x${byte.toString(16).padStart(2, '0')}`;

/** Python's `UnicodeDecodeError` text for the first invalid sequence of `bytes` (base = their offset). */
export function describeInvalidUtf8(bytes: Uint8Array, base: number, final: boolean): string | undefined {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i] as number;
    const length = sequenceLength(lead);
    if (length === 0)
      return `'utf-8' codec can't decode byte ${hex(lead)} in position ${base + i}: invalid start byte`;
    for (let k = 1; k < length; k++) {
      if (i + k >= n) {
        if (!final) return undefined;
        return k === 1
          ? `'utf-8' codec can't decode byte ${hex(lead)} in position ${base + i}: unexpected end of data`
          : `'utf-8' codec can't decode bytes in position ${base + i}-${base + n - 1}: unexpected end of data`;
      }
      const [lo, hi] = k === 1 ? firstContinuationRange(lead) : [0x80, 0xbf];
      const byte = bytes[i + k] as number;
      if (byte < lo || byte > hi) {
        return `'utf-8' codec can't decode byte ${hex(lead)} in position ${base + i}: invalid continuation byte`;
      }
    }
    i += length;
  }
  return undefined;
}

/** Index where an incomplete sequence at the end of `bytes` starts, or `bytes.length`. */
function incompleteTailStart(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const length = sequenceLength(byte);
    return length > 1 && i + length > n ? i : n;
  }
  return n;
}

/**
 * Creates a strict UTF-8 decoder. A BOM is kept as U+FEFF. Invalid bytes throw a {@link ParseError}
 * such as `'utf-8' codec can't decode byte 0xff in position 7: invalid start byte`, the position
 * counting bytes from the start of the stream.
 */
export function createUtf8Decoder(): Utf8StreamDecoder {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let offset = 0;
  let pending: Uint8Array = new Uint8Array(0);

  const decode = (bytes: Uint8Array, final: boolean): string => {
    // Most logs are pure ASCII: a native check and a latin1 copy are much faster than a strict decode.
    if (bytes.length > 0 && isAscii(bytes))
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    try {
      return decoder.decode(bytes);
    } catch (error) {
      throw new ParseError(
        describeInvalidUtf8(bytes, offset, final) ?? 'invalid UTF-8 data',
        error,
        'UnicodeDecodeError',
      );
    }
  };

  return {
    write(chunk) {
      let text = '';
      let start = 0;
      if (pending.length > 0) {
        const need = sequenceLength(pending[0] as number) - pending.length;
        const take = Math.min(need, chunk.length);
        const joined = new Uint8Array(pending.length + take);
        joined.set(pending);
        joined.set(chunk.subarray(0, take), pending.length);
        if (take < need) {
          pending = joined;
          return '';
        }
        text = decode(joined, false);
        offset += joined.length;
        pending = new Uint8Array(0);
        start = take;
      }
      const body = start === 0 ? chunk : chunk.subarray(start);
      const cut = incompleteTailStart(body);
      text += decode(cut === body.length ? body : body.subarray(0, cut), false);
      offset += cut;
      if (cut < body.length) pending = body.slice(cut);
      return text;
    },
    end() {
      if (pending.length === 0) return '';
      const message = describeInvalidUtf8(pending, offset, true) ?? 'invalid UTF-8 data';
      throw new ParseError(message, undefined, 'UnicodeDecodeError');
    },
  };
}

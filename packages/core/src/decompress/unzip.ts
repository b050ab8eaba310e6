import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { DecompressError } from '../errors/errors.js';
import { inflateStream, inflateSyncCapped } from './inflate.js';
import { INVALID_ZIP, locateFirstZipEntry } from './zip-directory.js';

/** Deflated entries up to this size are inflated in one sync call. */
const SYNC_MAX_INPUT = 8 * 1024 * 1024;
const SYNC_MAX_OUTPUT = 256 * 1024 * 1024;
/** Stored data is handed out in slices of this size so consumers can stream it. */
const STORED_SLICE = 1024 * 1024;

const invalidZip = (cause: unknown) => new DecompressError(INVALID_ZIP, cause);

/**
 * Yields the decompressed bytes of the archive's first entry, checking its CRC-32 at the end
 * (a mismatch or truncated data is `Invalid zip file received.`).
 */
export async function* unzipFirstEntry(
  archive: Uint8Array,
  tooLarge: () => DecompressError,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  const entry = locateFirstZipEntry(archive);
  let crc = 0;
  if (entry.method === 0) {
    if (entry.data.length > maxBytes) throw tooLarge();
    crc = crc32(entry.data);
    if (crc >>> 0 !== entry.crc32) throw invalidZip(new Error(`bad CRC-32 for "${entry.name}"`));
    for (let at = 0; at < entry.data.length; at += STORED_SLICE)
      yield entry.data.subarray(at, at + STORED_SLICE);
    return;
  }
  const failure = { invalid: invalidZip, tooLarge, maxBytes };
  const whole =
    entry.data.length <= SYNC_MAX_INPUT
      ? inflateSyncCapped(inflateRawSync, entry.data, Math.min(SYNC_MAX_OUTPUT, maxBytes + 1), failure)
      : undefined;
  if (whole) {
    if (crc32(whole) >>> 0 !== entry.crc32) throw invalidZip(new Error(`bad CRC-32 for "${entry.name}"`));
    yield whole;
    return;
  }
  // The CRC can only be checked after the last chunk, so a corrupt large entry fails late.
  async function* compressed() {
    yield entry.data;
  }
  for await (const chunk of inflateStream(compressed(), createInflateRaw(), failure)) {
    crc = crc32(chunk, crc);
    yield chunk;
  }
  if (crc >>> 0 !== entry.crc32) throw invalidZip(new Error(`bad CRC-32 for "${entry.name}"`));
}

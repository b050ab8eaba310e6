import { DecompressError } from '../errors/errors.js';

/** The reference's text for any zip failure (core.md §6). */
export const INVALID_ZIP = 'Invalid zip file received.';

/** The first entry of a ZIP archive's central directory, located in the archive's bytes. */
export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated. */
  readonly method: number;
  readonly crc32: number;
  readonly uncompressedSize: number;
  /** The entry's compressed bytes (a view into the archive). */
  readonly data: Uint8Array;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const invalid = (why: string) => new DecompressError(INVALID_ZIP, new Error(why));

function findEndOfCentralDirectory(view: Buffer): number {
  const lowest = Math.max(0, view.length - 22 - 0xffff);
  for (let i = view.length - 22; i >= lowest; i--) if (view.readUInt32LE(i) === EOCD) return i;
  throw invalid('end of central directory not found');
}

/** Reads the central directory's offset and entry count, following a ZIP64 locator when present. */
function centralDirectory(view: Buffer, eocd: number): { offset: number; entries: number } {
  let entries = view.readUInt16LE(eocd + 10);
  let offset = view.readUInt32LE(eocd + 16);
  if (
    (offset === MAX32 || entries === 0xffff) &&
    eocd >= 20 &&
    view.readUInt32LE(eocd - 20) === ZIP64_LOCATOR
  ) {
    const at = Number(view.readBigUInt64LE(eocd - 12));
    if (at + 56 > view.length || view.readUInt32LE(at) !== ZIP64_EOCD) throw invalid('bad ZIP64 end record');
    entries = Number(view.readBigUInt64LE(at + 32));
    offset = Number(view.readBigUInt64LE(at + 48));
  }
  return { offset, entries };
}

/** Values of the ZIP64 extra field (id 1) replacing the 32-bit fields that are 0xFFFFFFFF. */
function zip64Sizes(extra: Buffer, sizes: number[]): number[] {
  const out = [...sizes];
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      for (let i = 0; i < out.length; i++) {
        if (out[i] !== MAX32) continue;
        if (q + 8 > p + 4 + size) throw invalid('truncated ZIP64 extra field');
        out[i] = Number(extra.readBigUInt64LE(q));
        q += 8;
      }
      return out;
    }
    p += 4 + size;
  }
  return out;
}

/**
 * Locates the first entry of the archive's central directory (the reference reads only that one,
 * quirk C21). Any structural problem, an empty archive, a directory or encrypted first entry, or a
 * compression method other than stored/deflate is a {@link DecompressError} `Invalid zip file received.`.
 */
export function locateFirstZipEntry(archive: Uint8Array): ZipEntry {
  const view = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  try {
    if (view.length < 22) throw invalid('too short for a zip archive');
    const { offset, entries } = centralDirectory(view, findEndOfCentralDirectory(view));
    if (entries === 0) throw invalid('empty archive');
    if (offset + 46 > view.length || view.readUInt32LE(offset) !== CENTRAL)
      throw invalid('bad central directory');
    const flags = view.readUInt16LE(offset + 8);
    const method = view.readUInt16LE(offset + 10);
    const crc32 = view.readUInt32LE(offset + 16);
    const nameLength = view.readUInt16LE(offset + 28);
    const extraLength = view.readUInt16LE(offset + 30);
    const nameEnd = offset + 46 + nameLength;
    const name = view.toString('utf8', offset + 46, nameEnd);
    const extra = view.subarray(nameEnd, nameEnd + extraLength);
    const [uncompressedSize = 0, compressedSize = 0, localOffset = 0] = zip64Sizes(extra, [
      view.readUInt32LE(offset + 24),
      view.readUInt32LE(offset + 20),
      view.readUInt32LE(offset + 42),
    ]);
    if (name.endsWith('/')) throw invalid(`first entry "${name}" is a directory`);
    if (flags & 1) throw invalid(`entry "${name}" is encrypted`);
    if (method !== 0 && method !== 8)
      throw invalid(`entry "${name}" uses unsupported compression method ${method}`);
    if (localOffset + 30 > view.length || view.readUInt32LE(localOffset) !== LOCAL)
      throw invalid('bad local header');
    const dataStart =
      localOffset + 30 + view.readUInt16LE(localOffset + 26) + view.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > view.length) throw invalid(`entry "${name}" is truncated`);
    return {
      name,
      method,
      crc32,
      uncompressedSize,
      data: view.subarray(dataStart, dataStart + compressedSize),
    };
  } catch (error) {
    if (error instanceof DecompressError) throw error;
    throw new DecompressError(INVALID_ZIP, error); // a read past the end: a truncated archive
  }
}

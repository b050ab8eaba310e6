import type { DataReader, PageHeader } from 'hyparquet';
import type { AsyncBuffer } from './chunked-file.js';

/** Bytes of a column chunk read from the file at once, unless one page needs more. */
export const WINDOW_BYTES = 256 * 1024;

/** One page of a column chunk: its header, and a reader at the start of its (compressed) bytes. */
export interface RawPage {
  readonly header: PageHeader;
  readonly reader: DataReader;
}

export interface ColumnPages {
  /** The next page, or `undefined` at the end of the chunk. */
  next(): Promise<RawPage | undefined>;
}

/**
 * The pages of the column chunk at `[start, end)` of `file`, in order, read through a window of
 * about {@link WINDOW_BYTES} so only the pages being decoded are in memory (a row group's chunks
 * are not read whole). `parseHeader` is hyparquet's page header reader.
 */
export function columnPages(
  file: AsyncBuffer,
  start: number,
  end: number,
  parseHeader: (reader: DataReader) => PageHeader,
): ColumnPages {
  let window = new Uint8Array(0);
  let windowStart = start;
  let position = start;

  /** Makes `bytes` bytes from `position` readable in `window`. */
  const ensure = async (bytes: number) => {
    if (position >= windowStart && windowStart + window.length - position >= bytes) return;
    const to = Math.min(end, position + Math.max(bytes, WINDOW_BYTES));
    window = new Uint8Array(await file.slice(position, to));
    windowStart = position;
  };
  const readerAt = (offset: number): DataReader => {
    const from = position - windowStart;
    return {
      view: new DataView(window.buffer, window.byteOffset + from, window.length - from),
      offset,
    };
  };

  return {
    async next() {
      // hyparquet's own reader treats a single trailing byte as the end of the chunk too.
      if (position >= end - 1) return undefined;
      // A header is small but has no length field: parse it from what is read, read more if it
      // runs past the window.
      let want = Math.min(1024, end - position);
      let header: PageHeader;
      let headerBytes: number;
      for (;;) {
        await ensure(want);
        const reader = readerAt(0);
        try {
          header = parseHeader(reader);
          headerBytes = reader.offset;
          break;
        } catch (error) {
          const readable = windowStart + window.length - position;
          if (readable >= end - position) throw error;
          want = Math.min(end - position, readable * 4);
        }
      }
      const pageBytes = headerBytes + header.compressed_page_size;
      if (position + pageBytes > end) throw new Error('parquet page runs past the end of its column chunk');
      await ensure(pageBytes);
      const page = { header, reader: readerAt(headerBytes) };
      position += pageBytes;
      return page;
    },
  };
}

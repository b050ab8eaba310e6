import type { DecodedArray } from 'hyparquet';
import type { ColumnPages } from './column-pages.js';
import type { ParquetLib } from './parquet-lib.js';

/** What hyparquet needs to decode one leaf column's pages. */
export type ColumnDecoder = Parameters<ParquetLib['readPage']>[2];

/**
 * Reads one leaf column of a row group a page at a time and hands out its values row by row:
 * what hyparquet's `readColumn` does for a whole chunk, without holding the chunk's values.
 * A value is one top-level row (a nested leaf's rows are its per-row arrays, as hyparquet
 * assembles them).
 */
export class LeafCursor {
  private rows: DecodedArray = [];
  private taken = 0;
  private dictionary: DecodedArray | undefined;
  private ended = false;

  constructor(
    private readonly lib: ParquetLib,
    private readonly pages: ColumnPages,
    private readonly decoder: ColumnDecoder,
    /** A repeated leaf's last row may go on in the next page, so it is only ready after it. */
    private readonly repeated: boolean,
  ) {}

  /** How many rows can be taken now: at least one unless the chunk has ended. */
  async fill(): Promise<number> {
    while (this.ready() === 0 && !this.ended) await this.readPage();
    return this.ready();
  }

  /** The next row's value (call only while {@link fill} reports rows). */
  next(): unknown {
    return this.rows[this.taken++];
  }

  /** The next `count` rows' values. */
  take(count: number): unknown[] {
    const out = Array.prototype.slice.call(this.rows, this.taken, this.taken + count);
    this.taken += count;
    return out;
  }

  private ready(): number {
    const left = this.rows.length - this.taken;
    return this.repeated && !this.ended ? Math.max(0, left - 1) : left;
  }

  private async readPage(): Promise<void> {
    const page = await this.pages.next();
    if (page === undefined) {
      this.ended = true;
      return;
    }
    const { readPage, convert } = this.lib;
    if (page.header.type === 'DICTIONARY_PAGE') {
      const { data } = readPage(page.reader, page.header, this.decoder, undefined, undefined, 0);
      if (data) this.dictionary = convert(data, this.decoder);
      return;
    }
    // Only a repeated leaf's unfinished last row is left over: the page appends to it.
    const pending =
      this.taken < this.rows.length ? Array.prototype.slice.call(this.rows, this.taken) : undefined;
    const { data } = readPage(page.reader, page.header, this.decoder, this.dictionary, pending, 0);
    this.rows = data ?? pending ?? [];
    this.taken = 0;
  }
}

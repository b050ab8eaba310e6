import type { ColumnPages } from './column-pages.js';
import { type LeafChunk, type LeafPage, leafPage } from './leaf-page.js';

const NO_PAGE: LeafPage = { entries: 0, definition: undefined, repetition: undefined, text: () => 'null' };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** `count` levels of `levels` from `from` (or `fill` when every level was at it), then all of `more`. */
function joinLevels(
  levels: ArrayLike<number> | undefined,
  from: number,
  count: number,
  more: ArrayLike<number> | undefined,
  moreCount: number,
  fill: number,
): ArrayLike<number> | undefined {
  if (levels === undefined && more === undefined) return undefined;
  const out = new Int32Array(count + moreCount);
  for (let i = 0; i < count; i++) out[i] = levels === undefined ? fill : (levels[from + i] as number);
  for (let i = 0; i < moreCount; i++) out[count + i] = more === undefined ? fill : (more[i] as number);
  return out;
}

/**
 * One leaf column of a row group, read a page at a time and handed out entry by entry (an entry
 * is a value, or a null or empty list at some level, as the Dremel levels say). Only the current
 * page is held: its bytes, its levels, and the means to write each value's text when asked.
 */
export class LeafStream {
  private page: LeafPage = NO_PAGE;
  private entry = 0;
  private value = 0;
  /** The entries where a row starts, when the leaf is repeated (rows of several entries). */
  private rowStarts: Int32Array | undefined;
  private ended = false;
  private readonly chunk: Mutable<LeafChunk>;
  readonly maxDefinitionLevel: number;

  constructor(
    private readonly pages: ColumnPages,
    chunk: Omit<LeafChunk, 'dictionary'>,
  ) {
    this.chunk = { ...chunk, dictionary: undefined };
    this.maxDefinitionLevel = chunk.maxDefinitionLevel;
  }

  /** The current entry's definition level. */
  definition(): number {
    const levels = this.page.definition;
    return levels === undefined ? this.maxDefinitionLevel : (levels[this.entry] as number);
  }

  /** The current entry's repetition level: 0 past the last entry, which is where a row would start. */
  repetition(): number {
    const levels = this.page.repetition;
    return levels === undefined || this.entry >= this.page.entries ? 0 : (levels[this.entry] as number);
  }

  /** Passes an entry that holds no value. */
  skip(): void {
    this.entry++;
  }

  /** Passes an entry that holds a value, and gives that value's JSON text. */
  next(): string {
    this.entry++;
    return this.page.text(this.value++);
  }

  /** How many whole rows are ready: at least one unless the chunk has ended. */
  async fill(): Promise<number> {
    for (;;) {
      const rows = this.ready();
      if (rows > 0 || this.ended) return rows;
      await this.load();
    }
  }

  private ready(): number {
    const left = this.page.entries - this.entry;
    if (this.chunk.maxRepetitionLevel === 0) return left;
    let rows = left;
    const starts = this.rowStarts;
    if (starts !== undefined) {
      let low = 0;
      let high = starts.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((starts[middle] as number) < this.entry) low = middle + 1;
        else high = middle;
      }
      rows = starts.length - low;
    }
    // A v1 page may end inside a row: its last row is whole only once the next page is read.
    return this.ended ? rows : Math.max(0, rows - 1);
  }

  private async load(): Promise<void> {
    const raw = await this.pages.next();
    if (raw === undefined) {
      this.ended = true;
      return;
    }
    const { lib, decoder, format } = this.chunk;
    if (raw.header.type === 'DICTIONARY_PAGE') {
      const { data } = lib.readPage(raw.reader, raw.header, decoder, undefined, undefined, 0);
      const values = data && lib.convert(data, decoder);
      this.chunk.dictionary = values && { values, texts: Array.from(values, format) };
      return;
    }
    const page = leafPage(this.chunk, raw.header, raw.reader);
    this.page = this.entry < this.page.entries ? this.afterRest(page) : page;
    this.entry = 0;
    this.value = 0;
    const repetition = this.page.repetition;
    if (repetition === undefined) this.rowStarts = undefined;
    else {
      const starts: number[] = [];
      for (let i = 0; i < this.page.entries; i++) if (repetition[i] === 0) starts.push(i);
      this.rowStarts = Int32Array.from(starts);
    }
  }

  /** `next` after what is left of the current page (the start of a row that goes on in it). */
  private afterRest(next: LeafPage): LeafPage {
    const { page, entry } = this;
    const rest = page.entries - entry;
    const texts: string[] = [];
    for (let i = 0; i < rest; i++) {
      const level = page.definition === undefined ? this.maxDefinitionLevel : page.definition[entry + i];
      if (level === this.maxDefinitionLevel) texts.push(page.text(this.value + texts.length));
    }
    const max = this.maxDefinitionLevel;
    return {
      entries: rest + next.entries,
      definition: joinLevels(page.definition, entry, rest, next.definition, next.entries, max),
      repetition: joinLevels(page.repetition, entry, rest, next.repetition, next.entries, 0),
      text: (index) => (index < texts.length ? (texts[index] as string) : next.text(index - texts.length)),
    };
  }
}

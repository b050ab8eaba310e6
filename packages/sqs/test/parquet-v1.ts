// Test helper: hyparquet-writer only writes DATA_PAGE_V2 pages, while Arrow (Security Lake's own
// writer) writes DATA_PAGE (v1) pages by default. This rewrites a file's pages as v1 pages, to
// read both layouts of the same data.
import { type FileMetaData, type PageHeader, parquetMetadata } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { getMaxDefinitionLevel, getMaxRepetitionLevel, getSchemaPath } from 'hyparquet/src/schema.js';
import { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';

const MAGIC = 0x31524150; // "PAR1"

const bitWidth = (value: number) => 32 - Math.clz32(value);

/** Levels in the v1 layout: RLE/bit-packed, after their 4-byte length. */
function v1Levels(levels: number[], maxLevel: number): Uint8Array {
  if (maxLevel === 0) return new Uint8Array();
  const writer = new ByteWriter();
  writeRleBitPackedHybrid(writer, levels, bitWidth(maxLevel));
  const encoded = writer.getBytes();
  const out = new Uint8Array(4 + encoded.length);
  new DataView(out.buffer).setUint32(0, encoded.length, true);
  out.set(encoded, 4);
  return out;
}

function v2Levels(bytes: Uint8Array, count: number, maxLevel: number): number[] {
  const levels = new Array<number>(count).fill(maxLevel);
  if (maxLevel > 0 && bytes.length > 0) {
    const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.length), offset: 0 };
    readRleBitPackedHybrid(reader, bitWidth(maxLevel), levels, bytes.length);
  }
  return levels;
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

interface Leaf {
  type: string;
  maxDefinition: number;
  maxRepetition: number;
  /** Split pages of a repeated INT32 leaf in the middle of a row (v1 pages may do that). */
  splitRows: boolean;
}

/** One v2 data page as v1 pages (uncompressed): the header fields and bytes of each. */
function v1Pages(v2: NonNullable<PageHeader['data_page_header_v2']>, body: Uint8Array, leaf: Leaf) {
  const repetitionEnd = v2.repetition_levels_byte_length;
  const definitionEnd = repetitionEnd + v2.definition_levels_byte_length;
  const repetition = v2Levels(body.subarray(0, repetitionEnd), v2.num_values, leaf.maxRepetition);
  const definition = v2Levels(body.subarray(repetitionEnd, definitionEnd), v2.num_values, leaf.maxDefinition);
  const values = body.subarray(definitionEnd);
  const page = (from: number, to: number, valueBytes: Uint8Array) => ({
    num_values: to - from,
    bytes: concat([
      v1Levels(repetition.slice(from, to), leaf.maxRepetition),
      v1Levels(definition.slice(from, to), leaf.maxDefinition),
      valueBytes,
    ]),
  });
  const split = repetition.findIndex((level, i) => i > v2.num_values / 2 && level > 0);
  if (!leaf.splitRows || leaf.type !== 'INT32' || v2.encoding !== 'PLAIN' || split < 0)
    return [page(0, v2.num_values, values)];
  const before = definition.slice(0, split).filter((level) => level === leaf.maxDefinition).length;
  return [
    page(0, split, values.subarray(0, before * 4)),
    page(split, v2.num_values, values.subarray(before * 4)),
  ];
}

/**
 * Rewrites an UNCOMPRESSED file written by hyparquet-writer with DATA_PAGE (v1) pages, compressed
 * by `compress` and labelled `codec`. Statistics and page indexes are dropped.
 */
export function withDataPageV1(
  input: ArrayBuffer,
  options: {
    codec?: 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP';
    compress?: (bytes: Uint8Array) => Uint8Array;
    splitRows?: boolean;
  } = {},
): ArrayBuffer {
  const { codec = 'UNCOMPRESSED', compress = (bytes: Uint8Array) => bytes, splitRows = false } = options;
  const bytes = new Uint8Array(input);
  const metadata: FileMetaData = parquetMetadata(input);
  const out = new ByteWriter();
  out.appendUint32(MAGIC);
  const write = (header: PageHeader, plain: Uint8Array) => {
    const stored = compress(plain);
    header.uncompressed_page_size = plain.length;
    header.compressed_page_size = stored.length;
    header.crc = undefined;
    const start = out.offset;
    // hyparquet-writer has its own hyparquet (types) version.
    writePageHeader(out, header as unknown as Parameters<typeof writePageHeader>[1]);
    out.appendBytes(stored);
    return out.offset - start - stored.length + plain.length;
  };
  for (const group of metadata.row_groups) {
    let groupBytes = 0;
    for (const column of group.columns) {
      const meta = column.meta_data;
      if (!meta) throw new Error('no column metadata');
      if (meta.codec !== 'UNCOMPRESSED') throw new Error('the input must be UNCOMPRESSED');
      const schemaPath = getSchemaPath(metadata.schema, meta.path_in_schema);
      const leaf: Leaf = {
        type: meta.type,
        maxDefinition: getMaxDefinitionLevel(schemaPath),
        maxRepetition: getMaxRepetitionLevel(schemaPath),
        splitRows,
      };
      const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
      const end = start + Number(meta.total_compressed_size);
      const reader = { view: new DataView(input, start, end - start), offset: 0 };
      const chunkStart = out.offset;
      let uncompressed = 0;
      let firstDataPage: bigint | undefined;
      meta.dictionary_page_offset = undefined;
      while (reader.offset < end - start) {
        const header = parquetHeader(reader);
        const body = bytes.subarray(
          start + reader.offset,
          start + reader.offset + header.compressed_page_size,
        );
        reader.offset += header.compressed_page_size;
        if (header.type === 'DICTIONARY_PAGE') {
          meta.dictionary_page_offset = BigInt(out.offset);
          uncompressed += write(header, body);
          continue;
        }
        const v2 = header.data_page_header_v2;
        if (!v2) throw new Error(`unexpected ${header.type}`);
        firstDataPage ??= BigInt(out.offset);
        for (const page of v1Pages(v2, body, leaf)) {
          const v1: PageHeader = {
            type: 'DATA_PAGE',
            uncompressed_page_size: 0,
            compressed_page_size: 0,
            data_page_header: {
              num_values: page.num_values,
              encoding: v2.encoding,
              definition_level_encoding: 'RLE',
              repetition_level_encoding: 'RLE',
            },
          };
          uncompressed += write(v1, page.bytes);
        }
      }
      meta.data_page_offset = firstDataPage ?? BigInt(chunkStart);
      meta.codec = codec;
      meta.total_compressed_size = BigInt(out.offset - chunkStart);
      meta.total_uncompressed_size = BigInt(uncompressed);
      meta.statistics = undefined;
      meta.encoding_stats = undefined;
      meta.size_statistics = undefined;
      column.file_offset = BigInt(chunkStart);
      column.offset_index_offset = undefined;
      column.offset_index_length = undefined;
      column.column_index_offset = undefined;
      column.column_index_length = undefined;
      groupBytes += uncompressed;
    }
    group.total_byte_size = BigInt(groupBytes);
    group.file_offset = undefined;
    group.total_compressed_size = undefined;
  }
  writeMetadata(out, { ...metadata, metadata_length: undefined } as unknown as Parameters<
    typeof writeMetadata
  >[1]);
  out.appendUint32(MAGIC);
  return out.getBuffer();
}

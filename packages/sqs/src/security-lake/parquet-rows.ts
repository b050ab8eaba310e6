import type { RowGroup, SchemaTree } from 'hyparquet';
import { type AsyncBuffer, chunkedFile } from './chunked-file.js';
import { type ColumnPages, columnPages } from './column-pages.js';
import { type ColumnText, leafFormat, nestedColumnText, plainKind } from './column-text.js';
import { columnWriter } from './column-writer.js';
import { type ColumnDecoder, LeafCursor } from './leaf-cursor.js';
import { LeafStream } from './leaf-stream.js';
import { loadParquetLib, type ParquetLib } from './parquet-lib.js';
import type { SchemaNode } from './parquet-values.js';
import { stringText } from './python-text.js';

/** Most rows written per batch: bounds the text held at once when every page is large. */
const BATCH_ROWS = 1000;

/** The leaf chunks of the top-level column `node` in one row group, ready to be read by page. */
function leafChunks(
  lib: ParquetLib,
  file: AsyncBuffer,
  schema: SchemaTree,
  group: RowGroup,
  node: SchemaTree,
) {
  const out: Array<{
    path: string;
    leaf: SchemaTree;
    maxDefinitionLevel: number;
    maxRepetitionLevel: number;
    pages: ColumnPages;
    decoder: ColumnDecoder;
  }> = [];
  for (const chunk of group.columns) {
    const meta = chunk.meta_data;
    if (chunk.file_path) throw new Error('parquet file_path not supported');
    if (!meta) throw new Error('parquet column metadata is undefined');
    if (meta.path_in_schema[0] !== node.element.name) continue;
    const schemaPath = lib.getTreePath(schema, meta.path_in_schema);
    const leaf = schemaPath[schemaPath.length - 1] as SchemaTree;
    const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
    const end = start + Number(meta.total_compressed_size);
    out.push({
      path: meta.path_in_schema.join('.'),
      leaf,
      maxDefinitionLevel: lib.getMaxDefinitionLevel(schemaPath),
      maxRepetitionLevel: lib.getMaxRepetitionLevel(schemaPath),
      pages: columnPages(file, start, end, lib.parquetHeader),
      decoder: {
        pathInSchema: meta.path_in_schema,
        type: meta.type,
        element: leaf.element,
        schemaPath,
        codec: meta.codec,
        parsers: lib.parsers,
        compressors: lib.compressors,
        utf8: false,
      },
    });
  }
  return out;
}

function columnText(
  lib: ParquetLib,
  file: AsyncBuffer,
  schema: SchemaTree,
  group: RowGroup,
  node: SchemaTree,
): ColumnText {
  const leaves = leafChunks(lib, file, schema, group, node);
  // A column without data in this group is null in each of its rows (as hyparquet leaves it).
  if (leaves.length === 0) return { fill: async () => Number.POSITIVE_INFINITY, next: () => 'null' };
  const streams = new Map(
    leaves.map(({ path, leaf, pages, decoder, maxDefinitionLevel, maxRepetitionLevel }) => {
      const schema = leaf as unknown as SchemaNode;
      const chunk = { lib, decoder, maxDefinitionLevel, maxRepetitionLevel };
      return [path, new LeafStream(pages, { ...chunk, kind: plainKind(schema), format: leafFormat(schema) })];
    }),
  );
  // Nothing is read until the first fill: the pages can still go to hyparquet's cursors instead.
  return (
    columnWriter(node, streams) ??
    nestedColumnText(
      lib,
      node,
      leaves.map(({ path, pages, decoder, maxRepetitionLevel }) => ({
        path,
        cursor: new LeafCursor(lib, pages, decoder, maxRepetitionLevel > 0),
      })),
    )
  );
}

/**
 * The rows of one row group as JSON text, in batches: every column is read a page at a time and
 * each row's text is written straight from the columns' values.
 */
async function* groupRows(
  lib: ParquetLib,
  file: AsyncBuffer,
  schema: SchemaTree,
  group: RowGroup,
): AsyncGenerator<string[]> {
  const columns = schema.children.map((node) => columnText(lib, file, schema, group, node));
  // The row's pieces: `{`, then each key and its value's text, then `}`.
  const parts = [
    '{',
    ...schema.children.flatMap((node, i) => [`${i === 0 ? '' : ', '}${stringText(node.element.name)}: `, '']),
    '}',
  ];
  let left = Number(group.num_rows);
  while (left > 0) {
    let count = Math.min(left, BATCH_ROWS);
    for (const column of columns) count = Math.min(count, await column.fill());
    if (count === 0) throw new Error(`parquet row group has fewer rows than the ${left} left of it`);
    const batch = new Array<string>(count);
    for (let row = 0; row < count; row++) {
      for (let i = 0; i < columns.length; i++) parts[2 * i + 2] = (columns[i] as ColumnText).next();
      // One flat string per row: what is kept until it is sent is then one object, not a tree.
      batch[row] = parts.join('');
    }
    left -= count;
    yield batch;
  }
}

/**
 * Yields the rows of a Parquet file as JSON text, in batches, row group by row group (decision
 * Q38), each row an object of the columns in schema order with the reference's value forms.
 * Columns are decoded a page at a time (see {@link columnPages}), so memory holds about one page
 * per column whatever the size of the row groups.
 */
export async function* parquetRowBatches(
  bytes: Uint8Array | readonly Uint8Array[] | AsyncBuffer,
): AsyncGenerator<string[]> {
  const lib = await loadParquetLib();
  const file =
    bytes instanceof Uint8Array
      ? chunkedFile([bytes])
      : Array.isArray(bytes)
        ? chunkedFile(bytes)
        : (bytes as AsyncBuffer);
  if (file.byteLength === 0) throw new Error('Parquet file size is 0 bytes');
  const metadata = await lib.parquetMetadataAsync(file);
  const schema = lib.parquetSchema(metadata);
  for (const group of metadata.row_groups) yield* groupRows(lib, file, schema, group);
}

/**
 * {@link parquetRowBatches} one row at a time.
 *
 * @example for await (const json of parquetRows(bytes)) console.log(json);
 */
export async function* parquetRows(
  bytes: Uint8Array | readonly Uint8Array[] | AsyncBuffer,
): AsyncGenerator<string> {
  for await (const batch of parquetRowBatches(bytes)) yield* batch;
}

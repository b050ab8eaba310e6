import { EXIT, type SubscriberEvent, type SubscriberObjectContext, WazuhAwsError } from '@wazuh-aws/core';
import { awsErrorText } from '../aws-error-text.js';
import { chunkedFile } from './chunked-file.js';
import { convertValue, RAW_PARSERS, type SchemaNode } from './parquet-values.js';
import { rowJson } from './python-text.js';

/** The object as the chunks it arrived in (not concatenated: see `chunkedFile`). */
async function readBody(context: SubscriberObjectContext): Promise<Uint8Array[]> {
  const { bucket, key } = context.route;
  try {
    const body = await context.objects.open(bucket, key, context.signal);
    if (body instanceof Uint8Array) return [body];
    const chunks: Uint8Array[] = [];
    for await (const chunk of body) chunks.push(chunk as Uint8Array);
    return chunks;
  } catch (error) {
    throw new WazuhAwsError(
      `Could not get the parquet file ${key} in ${bucket}: ${awsErrorText(error, 'GetObject')}`,
      {
        exitCode: EXIT.SQS_FAILURE,
        code: 'PARQUET_GET_OBJECT',
        cause: error,
      },
    );
  }
}

/** Rows decoded per read: a large row group is read in slices (pages are skipped by the offset index). */
const ROWS_PER_READ = 5_000;

/**
 * Yields the rows of a Parquet file as JSON text, row group by row group (decision Q38), each row
 * an object of the columns in schema order with the reference's value forms. A row group is decoded
 * {@link ROWS_PER_READ} rows at a time, so memory stays bounded whatever the group size. hyparquet
 * is loaded here only (decision L20).
 *
 * @example for await (const json of parquetRows(bytes)) console.log(json);
 */
export async function* parquetRows(bytes: Uint8Array | readonly Uint8Array[]): AsyncGenerator<string> {
  const [{ parquetMetadataAsync, parquetReadObjects, parquetSchema }, { compressors }] = await Promise.all([
    import('hyparquet'),
    import('hyparquet-compressors'),
  ]);
  const file = chunkedFile(bytes instanceof Uint8Array ? [bytes] : bytes);
  if (file.byteLength === 0) throw new Error('Parquet file size is 0 bytes');
  const metadata = await parquetMetadataAsync(file);
  const schema = parquetSchema(metadata) as unknown as SchemaNode;
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const groupEnd = rowStart + Number(group.num_rows);
    for (let sliceStart = rowStart; sliceStart < groupEnd; sliceStart += ROWS_PER_READ) {
      const rows = await parquetReadObjects({
        file,
        metadata,
        rowStart: sliceStart,
        rowEnd: Math.min(sliceStart + ROWS_PER_READ, groupEnd),
        compressors,
        utf8: false,
        parsers: RAW_PARSERS,
      });
      for (const row of rows) yield rowJson(convertValue(row, schema));
    }
    rowStart = groupEnd;
  }
}

/**
 * The `security_lake` log handler: each Parquet row is sent as its JSON text, without envelope
 * (subscribers.md §7.4); the discard field filter applies to the row (decision Q35).
 */
export async function* readSecurityLakeEvents(
  context: SubscriberObjectContext,
): AsyncGenerator<SubscriberEvent> {
  const { route, logger, discard } = context;
  logger.debug(2, `Processing file ${route.key} in ${route.bucket}`);
  const chunks = await readBody(context);
  let found = 0;
  for await (const json of parquetRows(chunks)) {
    found += 1;
    if (discard?.field !== undefined && discard.matchesEvent(JSON.parse(json))) continue;
    yield json;
  }
  logger.debug(2, `Found ${found} events in file ${route.key}`);
}

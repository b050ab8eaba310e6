import { EXIT, type SubscriberEvent, type SubscriberObjectContext, WazuhAwsError } from '@wazuh-aws/core';
import { awsErrorText } from '../aws-error-text.js';
import { type ObjectFile, readObjectFile } from './object-file.js';
import { parquetRowBatches } from './parquet-rows.js';

export { parquetRows } from './parquet-rows.js';

/** The object, readable by range (in memory, or spilled to a temp file when large). */
async function readBody(context: SubscriberObjectContext): Promise<ObjectFile> {
  const { bucket, key } = context.route;
  try {
    const body = await context.objects.open(bucket, key, context.signal);
    return await readObjectFile(body as AsyncIterable<Uint8Array>);
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

/**
 * The `security_lake` log handler: each Parquet row is sent as its JSON text, without envelope
 * (subscribers.md §7.4); the discard field filter applies to the row (decision Q35).
 */
export async function* readSecurityLakeEvents(
  context: SubscriberObjectContext,
): AsyncGenerator<SubscriberEvent> {
  const { route, logger, discard } = context;
  logger.debug(2, `Processing file ${route.key} in ${route.bucket}`);
  const object = await readBody(context);
  let found = 0;
  try {
    for await (const batch of parquetRowBatches(object.file)) {
      found += batch.length;
      for (const json of batch) {
        if (discard?.field !== undefined && discard.matchesEvent(JSON.parse(json))) continue;
        yield json;
      }
    }
  } finally {
    await object.close();
  }
  logger.debug(2, `Found ${found} events in file ${route.key}`);
}

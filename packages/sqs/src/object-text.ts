import { EXIT, openObjectContent, type SubscriberObjectContext, WazuhAwsError } from '@wazuh-aws/core';
import { awsErrorText } from './aws-error-text.js';

/**
 * Downloads and decompresses the routed object and returns its text. A failed GetObject is the
 * reference's exit 12 (subscribers.md §5.1); decompression and UTF-8 errors keep core's codes.
 */
export async function readObjectText(context: SubscriberObjectContext): Promise<string> {
  const { bucket, key } = context.route;
  let body: Awaited<ReturnType<SubscriberObjectContext['objects']['open']>>;
  try {
    body = await context.objects.open(bucket, key, context.signal);
  } catch (error) {
    throw new WazuhAwsError(awsErrorText(error, 'GetObject'), {
      exitCode: EXIT.INVALID_TYPE,
      code: 'S3_GET_OBJECT',
      cause: error,
    });
  }
  return openObjectContent(key, body).text();
}

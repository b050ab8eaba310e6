import { awsErrorCode, isAwsServiceError, isEndpointConnectionError } from '../../aws/aws-error.js';
import type { ObjectStore } from '../../aws/object-store.js';
import { errorText, WazuhAwsError } from '../../errors/errors.js';
import { EXIT } from '../../errors/exit-codes.js';
import { listError, throttlingText } from './texts.js';

const fail = (message: string, exitCode: number, cause?: unknown) =>
  new WazuhAwsError(message, { exitCode, code: 'BUCKET_CHECK', cause });

/**
 * The start-up check (buckets.md §1.5): the prefix must hold something. Objects count as content,
 * not only folders (decision B32).
 */
export async function checkBucket(
  store: ObjectStore,
  bucket: string,
  prefix: string,
  bucketPath: string,
  endpoint?: string,
) {
  let token: string | undefined;
  try {
    do {
      const page = await store.list({ bucket, prefix, delimiter: '/', continuationToken: token });
      if (page.hasFolders || page.hasContents) return;
      token = page.nextToken;
    } while (token);
  } catch (error) {
    throw classifyCheckError(error, endpoint);
  }
  throw fail(`No files were found in '${bucketPath}'. No logs will be processed.`, EXIT.EMPTY_BUCKET);
}

function classifyCheckError(error: unknown, endpoint: string | undefined): WazuhAwsError {
  if (error instanceof WazuhAwsError) return error;
  const code = awsErrorCode(error);
  if (code === 'ThrottlingException') {
    return fail(`${throttlingText('check_bucket')}: ${listError(error)}`, EXIT.THROTTLING, error);
  }
  if (code === 'SignatureDoesNotMatch')
    return fail('Invalid credentials to access S3 Bucket', EXIT.INVALID_CREDENTIALS, error);
  if (code === 'RequestTimeTooSkewed') {
    return fail('The server datetime and datetime of the AWS environment differ', EXIT.CLOCK_SKEW, error);
  }
  if (isAwsServiceError(error)) return fail(`Unexpected error: '${listError(error)}'.`, EXIT.UNKNOWN, error);
  if (isEndpointConnectionError(error)) {
    const url =
      endpoint ??
      process.env.AWS_ENDPOINT_URL_S3 ??
      process.env.AWS_ENDPOINT_URL ??
      'https://s3.amazonaws.com';
    return fail(`Could not connect to the endpoint URL: "${url}"`, EXIT.INVALID_ENDPOINT, error);
  }
  return fail(`Unexpected error: '${errorText(error)}'.`, EXIT.UNKNOWN, error);
}

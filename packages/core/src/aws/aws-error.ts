/** Fields of an AWS SDK v3 service exception that we read. */
interface SdkErrorShape {
  name?: string;
  message?: string;
  Code?: string;
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

/** The AWS error code of an SDK exception (`NoSuchBucket`, `ThrottlingException`, …), if any. */
export function awsErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as SdkErrorShape;
  if (!('$metadata' in e) && !('$fault' in e)) return undefined;
  return e.Code ?? e.code ?? e.name;
}

/** True for an error response from an AWS service (as opposed to a network or local failure). */
export function isAwsServiceError(error: unknown): boolean {
  return (
    awsErrorCode(error) !== undefined && (error as SdkErrorShape).$metadata?.httpStatusCode !== undefined
  );
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'SlowDown',
  'RequestLimitExceeded',
  'RequestThrottled',
]);

export function isThrottlingError(error: unknown): boolean {
  const code = awsErrorCode(error);
  return code !== undefined && THROTTLING.has(code);
}

/** Network-level failure reaching the endpoint (connection refused, DNS, reset). */
export function isEndpointConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'ECONNRESET' ||
    code === 'EHOSTUNREACH' ||
    code === 'ETIMEDOUT'
  );
}

/**
 * The boto3-style text of an AWS error, which the reference embeds in its output:
 * `An error occurred (Code) when calling the Operation operation: Message`.
 */
export function formatAwsError(error: unknown, operation: string): string {
  const code = awsErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === undefined) return message;
  const text = message && message !== code && message !== 'UnknownError' ? message : 'Unknown';
  return `An error occurred (${code}) when calling the ${operation} operation: ${text}`;
}

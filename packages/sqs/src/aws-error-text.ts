/**
 * The boto3-style text of an SDK error, as the reference prints it:
 * `An error occurred (Code) when calling the Operation operation: Message`.
 */
export function awsErrorText(error: unknown, operation: string): string {
  const e = (error ?? {}) as { name?: string; message?: string; Code?: string; $metadata?: unknown };
  const message = error instanceof Error ? error.message : String(error);
  if (typeof error !== 'object' || error === null || !('$metadata' in e)) return message;
  const code = e.Code ?? e.name ?? 'Unknown';
  const text = message && message !== code && message !== 'UnknownError' ? message : 'Unknown';
  return `An error occurred (${code}) when calling the ${operation} operation: ${text}`;
}

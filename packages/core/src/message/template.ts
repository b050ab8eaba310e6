import type { AwsEvent, JsonObject, WazuhMessage } from '../plugin/types.js';

export interface MessageSource {
  /** `--aws_account_alias` ('' by default). */
  alias: string;
  bucket: string;
  key: string;
  /** Set for types whose messages carry `aws.aws_account_id`. */
  accountId?: string | undefined;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Deletes null members recursively inside objects; arrays are not entered (buckets.md §1.12).
 * Iterative, so deep input cannot overflow the stack.
 */
export function removeNulls(event: JsonObject): JsonObject {
  const pending: JsonObject[] = [event];
  while (pending.length > 0) {
    const current = pending.pop()!;
    // for-in: JSON objects inherit no enumerable members, and no keys array is allocated.
    for (const name in current) {
      const value = current[name];
      if (value === null) delete current[name];
      else if (isObject(value)) pending.push(value);
    }
  }
  return event;
}

function logInfo(source: MessageSource): JsonObject {
  return { aws_account_alias: source.alias, log_file: source.key, s3bucket: source.bucket };
}

/** The bucket message template with the event's members after `log_info` (§1.12). */
export function buildEventMessage(event: AwsEvent, source: MessageSource): WazuhMessage {
  // Spread defines own data properties (a `__proto__` member stays a member) in the event's order.
  const aws: JsonObject = { log_info: logInfo(source), ...removeNulls(event) };
  if (source.accountId !== undefined) aws.aws_account_id = source.accountId;
  return { integration: 'aws', aws };
}

/** The error variant: only `log_info`, and `error_msg` after `aws` (§1.12). */
export function buildErrorMessage(errorMsg: string, source: MessageSource): WazuhMessage {
  const aws: JsonObject = { log_info: logInfo(source) };
  if (source.accountId !== undefined) aws.aws_account_id = source.accountId;
  return { integration: 'aws', aws, error_msg: errorMsg };
}

/** Own-property assignment that also works for `__proto__` keys (no prototype pollution). */
export function defineMember(target: JsonObject, name: string, value: unknown): void {
  if (name === '__proto__') {
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[name] = value;
  }
}

export { isObject };

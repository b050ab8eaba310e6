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
    for (const name of Object.keys(current)) {
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
  const aws: JsonObject = { log_info: logInfo(source) };
  for (const [name, value] of Object.entries(removeNulls(event))) defineMember(aws, name, value);
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

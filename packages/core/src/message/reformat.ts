import { isIP } from 'node:net';
import type { JsonObject, WazuhMessage } from '../plugin/types.js';
import { isObject } from './template.js';

/**
 * Replaces every one-element array member by its element, recursing into object members only
 * (buckets.md §1.14 step 1). The element itself is not entered.
 */
export function collapseSingletons(root: JsonObject): void {
  const pending: JsonObject[] = [root];
  while (pending.length > 0) {
    const current = pending.pop()!;
    // for-in: JSON objects inherit no enumerable members, and no keys array is allocated.
    for (const name in current) {
      const value = current[name];
      if (Array.isArray(value)) {
        if (value.length === 1) current[name] = value[0];
      } else if (isObject(value)) {
        pending.push(value);
      }
    }
  }
}

/**
 * The generic reformat of every bucket type: singleton collapse, `source_ip_address` (only for a
 * valid IPv4/IPv6 `sourceIPAddress`, decision B37) and `tags` wrapping.
 */
export function genericReformat(message: WazuhMessage): WazuhMessage {
  collapseSingletons(message);
  const aws = message.aws;
  if (isObject(aws)) {
    const source = aws.sourceIPAddress;
    if (typeof source === 'string' && isIP(source) !== 0) aws.source_ip_address = source;
    if ('tags' in aws && !isObject(aws.tags)) aws.tags = { value: aws.tags };
  }
  return message;
}

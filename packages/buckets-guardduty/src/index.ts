// @wazuh-aws/buckets-guardduty — GuardDuty findings exported to S3: the `guardduty` plugin and a parser library.
import type { AwsEvent, WazuhMessage } from '@wazuh-aws/core';
import {
  type MessageOptions,
  messagesWith,
  type ParseInput,
  type ParseOptions,
  parseWith,
} from '@wazuh-aws/core';
import { guardduty } from './plugin.js';

export type { MessageOptions, ParseInput, ParseOptions } from '@wazuh-aws/core';
export { isJsonLinesKey, parseFindingLine } from './findings.js';
export { guardduty } from './plugin.js';
export { reformatGuardDuty } from './reformat.js';

/**
 * Parses one GuardDuty export object into findings. The format follows `options.key`: a
 * `.jsonl.gz` key (the native export) is JSON Lines, any other key the custom-bucket format.
 *
 * @example
 * const key = 'AWSLogs/123456789012/GuardDuty/us-east-1/2025/03/09/x.jsonl.gz';
 * for await (const finding of parseGuardDuty(readFileSync('x.jsonl.gz'), { key })) console.log(finding.type);
 */
export function parseGuardDuty(input: ParseInput, options?: ParseOptions): AsyncIterable<AwsEvent> {
  return parseWith(guardduty, input, options);
}

/** Parses one export object and yields the messages Wazuh receives (port probes split per detail). */
export function toWazuhMessages(input: ParseInput, options?: MessageOptions): AsyncIterable<WazuhMessage> {
  return messagesWith(guardduty, input, options);
}

export default guardduty;

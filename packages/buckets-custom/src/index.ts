// @wazuh-aws/buckets-custom — custom (Firehose) buckets: the `custom` plugin and a parser library.
import type { AwsEvent, WazuhMessage } from '@wazuh-aws/core';
import {
  type MessageOptions,
  messagesWith,
  type ParseInput,
  type ParseOptions,
  parseWith,
} from '@wazuh-aws/core';
import { custom } from './plugin.js';

export type { MessageOptions, ParseInput, ParseOptions } from '@wazuh-aws/core';
export { customEvents, repairMacieCoordinates } from './custom-events.js';
export { custom } from './plugin.js';

/**
 * Parses one custom-bucket object (text, `.gz`/`.zip` bytes or an opened object): EventBridge
 * envelopes become their `detail` plus `source` (`aws.guardduty` → `guardduty`); other text is
 * read as VPC flow records.
 *
 * @example
 * for await (const finding of parseCustomBucketObject(readFileSync('firehose-object.gz'))) console.log(finding.source);
 */
export function parseCustomBucketObject(input: ParseInput, options?: ParseOptions): AsyncIterable<AwsEvent> {
  return parseWith(custom, input, options);
}

/** Parses one custom-bucket object and yields the messages Wazuh receives for it. */
export function toWazuhMessages(input: ParseInput, options?: MessageOptions): AsyncIterable<WazuhMessage> {
  return messagesWith(custom, input, options);
}

export default custom;

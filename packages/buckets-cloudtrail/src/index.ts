// @wazuh-aws/buckets-cloudtrail — CloudTrail logs from S3: the `cloudtrail` plugin and a parser library.
import type { AwsEvent, WazuhMessage } from '@wazuh-aws/core';
import {
  type MessageOptions,
  messagesWith,
  type ParseInput,
  type ParseOptions,
  parseWith,
} from '@wazuh-aws/core';
import { cloudtrail } from './plugin.js';

export type { MessageOptions, ParseInput, ParseOptions } from '@wazuh-aws/core';
export { cloudtrail } from './plugin.js';
export { reformatCloudTrail } from './reformat.js';

/**
 * Parses one CloudTrail log file (its text, its `.json.gz` bytes or an opened object) into events,
 * each with `source: 'cloudtrail'`.
 *
 * @example
 * for await (const event of parseCloudTrail(readFileSync('trail.json.gz'))) console.log(event.eventName);
 */
export function parseCloudTrail(input: ParseInput, options?: ParseOptions): AsyncIterable<AwsEvent> {
  return parseWith(cloudtrail, input, options);
}

/**
 * Parses one CloudTrail log file and yields the messages Wazuh receives for it (template and
 * reformat applied, `aws.aws_account_id` from `options.accountId` or the key).
 *
 * @example
 * for await (const message of toWazuhMessages(bytes, { bucket: 'b', key })) send(JSON.stringify(message));
 */
export function toWazuhMessages(input: ParseInput, options?: MessageOptions): AsyncIterable<WazuhMessage> {
  return messagesWith(cloudtrail, input, options);
}

export default cloudtrail;

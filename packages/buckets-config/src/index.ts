// @wazuh-aws/buckets-config — AWS Config history/snapshot files from S3: the `config` plugin and a parser library.
import type { AwsEvent, WazuhMessage } from '@wazuh-aws/core';
import {
  type MessageOptions,
  messagesWith,
  type ParseInput,
  type ParseOptions,
  parseWith,
} from '@wazuh-aws/core';
import { config } from './plugin.js';

export type { MessageOptions, ParseInput, ParseOptions } from '@wazuh-aws/core';
export { createdTimeSeconds } from './created-time.js';
export { configKeyDate, orderConfigPage } from './order.js';
export { config } from './plugin.js';
export { reformatConfig } from './reformat.js';

/**
 * Parses one Config file (ConfigHistory or ConfigSnapshot: text, `.json.gz` bytes or an opened
 * object) into its configuration items, each with `source: 'config'`.
 *
 * @example
 * for await (const item of parseConfig(readFileSync('history.json.gz'))) console.log(item.resourceType);
 */
export function parseConfig(input: ParseInput, options?: ParseOptions): AsyncIterable<AwsEvent> {
  return parseWith(config, input, options);
}

/**
 * Parses one Config file and yields the messages Wazuh receives for it (template and reformat
 * applied, `aws.aws_account_id` from `options.accountId` or the key).
 */
export function toWazuhMessages(input: ParseInput, options?: MessageOptions): AsyncIterable<WazuhMessage> {
  return messagesWith(config, input, options);
}

export default config;

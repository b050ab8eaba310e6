// @wazuh-aws/buckets-vpcflow — VPC Flow Logs from S3: the `vpcflow` plugin and a parser library.
import type { AwsEvent, WazuhMessage } from '@wazuh-aws/core';
import {
  type MessageOptions,
  messagesWith,
  type ParseInput,
  type ParseOptions,
  parseWith,
} from '@wazuh-aws/core';
import { vpcflow } from './plugin.js';

export type { MessageOptions, ParseInput, ParseOptions } from '@wazuh-aws/core';
export {
  DEFAULT_FLOW_LOG_FIELDS,
  type FlowLogOptions,
  flowLogEvents,
  flowLogTime,
  isFlowLogHeader,
} from './flow-log-rows.js';
export { vpcflow } from './plugin.js';

/**
 * Parses one flow log file (text, `.log.gz` bytes or an opened object) into events with
 * `source: 'vpc'` and ISO `start`/`end`; the header line names the fields.
 *
 * @example
 * for await (const flow of parseVpcFlowLog(readFileSync('flows.log.gz'))) console.log(flow.srcaddr);
 */
export function parseVpcFlowLog(input: ParseInput, options?: ParseOptions): AsyncIterable<AwsEvent> {
  return parseWith(vpcflow, input, options);
}

/** Parses one flow log file and yields the messages Wazuh receives for it. */
export function toWazuhMessages(input: ParseInput, options?: MessageOptions): AsyncIterable<WazuhMessage> {
  return messagesWith(vpcflow, input, options);
}

export default vpcflow;

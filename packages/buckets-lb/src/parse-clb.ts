import type { AwsEvent } from '@wazuh-aws/core';
import { CLB_FIELDS } from './fields.js';
import { delimitedEvents, type LogInput } from './rows.js';

/**
 * Parses a Classic Load Balancer access log (buckets.md §3.8): 15 space-separated columns,
 * values as written (no `ip:port` split), surplus columns under `extra_fields`, `source: 'clb'`.
 *
 * @throws ParseError on a field over the size limit.
 * @example
 * for await (const event of parseClbLog(text)) console.log(event.elb_status_code);
 */
export function parseClbLog(input: LogInput): AsyncGenerator<AwsEvent> {
  return delimitedEvents(input, CLB_FIELDS, 'clb');
}

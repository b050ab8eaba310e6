import { type AwsEvent, type Logger, silentLogger } from '@wazuh-aws/core';
import { ALB_FIELDS } from './fields.js';
import { splitIpPort } from './ip-port.js';
import { ShortRowError } from './row-error.js';
import { delimitedEvents, type LogInput } from './rows.js';

/** Options of the load balancer parsers. */
export interface LbParseOptions {
  /** The object's key, used in error texts. @default the content's key or '' */
  key?: string;
  /** Receives the debug lines about unsplittable `ip:port` values. @default silentLogger */
  logger?: Logger;
}

/** `ip:port` columns of an ALB row and the member each one's addresses go to, in the reference's order. */
const SPLITS = [
  ['client_port', 'client_ip'],
  ['target_port', 'target_ip'],
  ['target_port_list', 'target_ip_list'],
] as const;

/**
 * Parses an Application Load Balancer access log (buckets.md §3.7): 29 space-separated columns,
 * `source: 'alb'`, and each `ip:port` column split into port and a new `*_ip` member (at the last
 * colon, decision B28). A column with an item lacking `:` (e.g. `-`) stays as it is, without ip.
 *
 * @throws ParseError on a field over the size limit; ShortRowError on a row without the split columns.
 * @example
 * for await (const event of parseAlbLog(text)) console.log(event.client_ip, event.client_port);
 */
export async function* parseAlbLog(input: LogInput, options: LbParseOptions = {}): AsyncGenerator<AwsEvent> {
  const key = options.key ?? (typeof input === 'string' ? '' : input.key);
  const logger = options.logger ?? silentLogger;
  for await (const event of delimitedEvents(input, ALB_FIELDS, 'alb')) {
    for (const [field, ipField] of SPLITS) {
      const value = event[field];
      if (typeof value !== 'string') throw new ShortRowError(field, key);
      const ips: string[] = [];
      const ports: string[] = [];
      let splittable = true;
      for (const item of value.split(/\s+/)) {
        if (item === '') continue;
        const pair = splitIpPort(item);
        if (pair === undefined) {
          splittable = false;
          break;
        }
        ips.push(pair[0]);
        ports.push(pair[1]);
      }
      if (!splittable) {
        logger.debug(1, `Unable to process correctly ABL log entry, for field ${field}.`);
        logger.debug(2, () => `Log Entry: ${JSON.stringify(event)}`);
        continue;
      }
      event[field] = ports.join(' ');
      event[ipField] = ips.join(' ');
    }
    yield event;
  }
}

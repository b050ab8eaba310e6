import type { AwsEvent } from '@wazuh-aws/core';
import { NLB_FIELDS } from './fields.js';
import { splitIpPort } from './ip-port.js';
import type { LbParseOptions } from './parse-alb.js';
import { ShortRowError } from './row-error.js';
import { delimitedEvents, type LogInput } from './rows.js';

/**
 * Parses a Network Load Balancer access log (buckets.md §3.9): 20 named space-separated columns
 * (newer ones under `extra_fields`), `source: 'nlb'`, then `client_port` and `destination_port`
 * each split at the last colon into port and `client_ip` / `destination_ip` (decision B29: each on
 * its own; a value without `:` is copied to the ip member unsplit, as the reference does).
 *
 * @throws ParseError on a field over the size limit; ShortRowError on a row without those columns.
 * @example
 * for await (const event of parseNlbLog(text)) console.log(event.client_ip, event.destination_port);
 */
export async function* parseNlbLog(input: LogInput, options: LbParseOptions = {}): AsyncGenerator<AwsEvent> {
  const key = options.key ?? (typeof input === 'string' ? '' : input.key);
  for await (const event of delimitedEvents(input, NLB_FIELDS, 'nlb')) {
    const client = event.client_port;
    const destination = event.destination_port;
    if (typeof client !== 'string') throw new ShortRowError('client_port', key);
    if (typeof destination !== 'string') throw new ShortRowError('destination_port', key);
    const clientPair = splitIpPort(client);
    const destinationPair = splitIpPort(destination);
    if (clientPair) event.client_port = clientPair[1];
    event.client_ip = clientPair ? clientPair[0] : client;
    if (destinationPair) event.destination_port = destinationPair[1];
    event.destination_ip = destinationPair ? destinationPair[0] : destination;
    yield event;
  }
}

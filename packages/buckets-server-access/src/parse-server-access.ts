import { type AwsEvent, type ObjectContent, splitLines } from '@wazuh-aws/core';
import { SERVER_ACCESS_FIELDS } from './fields.js';
import { tokenizeServerAccessLine } from './tokenize.js';

/**
 * Parses an S3 server access log (buckets.md §3.10, decision B31): one event per non-blank line,
 * values assigned to the 24 documented columns in order (later columns dropped, missing ones
 * absent), then `source: 's3_server_access'`. Never throws on content.
 *
 * @example
 * for await (const event of parseServerAccessLog(text)) console.log(event.operation, event.key);
 */
export async function* parseServerAccessLog(input: string | ObjectContent): AsyncGenerator<AwsEvent> {
  const lines = typeof input === 'string' ? splitLines(input) : input.lines();
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const values = tokenizeServerAccessLine(line);
    const event: AwsEvent = {};
    const count = Math.min(values.length, SERVER_ACCESS_FIELDS.length);
    for (let i = 0; i < count; i++) event[SERVER_ACCESS_FIELDS[i] as string] = values[i];
    event.source = 's3_server_access';
    yield event;
  }
}

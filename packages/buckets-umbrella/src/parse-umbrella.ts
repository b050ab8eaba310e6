import { type AwsEvent, type ObjectContent, readDelimitedRows } from '@wazuh-aws/core';
import { UMBRELLA_FIELDS, type UmbrellaLogKind } from './fields.js';

/**
 * Parses a Cisco Umbrella CSV log of the given kind (buckets.md §3.11): one event per row with the
 * kind's columns; columns a short row lacks are left out, surplus values go to `extra_fields`
 * (decision B30); then `source: 'cisco_umbrella'`. Rows are read like Python's `csv` module.
 *
 * @throws ParseError on a field over the 131072-character limit.
 * @example
 * for await (const event of parseUmbrellaLog(text, 'dnslogs')) console.log(event.domain, event.action);
 */
export async function* parseUmbrellaLog(
  input: string | ObjectContent,
  kind: UmbrellaLogKind,
): AsyncGenerator<AwsEvent> {
  const fields = UMBRELLA_FIELDS[kind];
  // TODO(lead): stream with readDelimitedLines(input.lines(), …) once records/index.ts exports it.
  const text = typeof input === 'string' ? input : await input.text();
  for (const row of readDelimitedRows(text, { delimiter: ',' })) {
    const event: AwsEvent = {};
    const count = Math.min(row.length, fields.length);
    for (let i = 0; i < count; i++) event[fields[i] as string] = row[i];
    if (row.length > fields.length) event.extra_fields = row.slice(fields.length);
    event.source = 'cisco_umbrella';
    yield event;
  }
}

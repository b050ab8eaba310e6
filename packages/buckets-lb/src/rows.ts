import { type AwsEvent, type ObjectContent, readDelimitedRows, rowToObject } from '@wazuh-aws/core';

/** A whole log text or an object's content. */
export type LogInput = string | ObjectContent;

/**
 * Space-separated rows of a log (buckets.md §3.0) as events: the named columns, surplus columns
 * under `extra_fields` (decision B30), then `source`.
 */
export async function* delimitedEvents(
  input: LogInput,
  fields: readonly string[],
  source: string,
): AsyncGenerator<AwsEvent> {
  // TODO(lead): stream with readDelimitedLines(input.lines(), …) once records/index.ts exports it.
  const text = typeof input === 'string' ? input : await input.text();
  for (const row of readDelimitedRows(text, { delimiter: ' ' })) {
    const { object, extra } = rowToObject(fields, row);
    if (extra.length > 0) object.extra_fields = extra;
    object.source = source;
    yield object;
  }
}

import { type AwsEvent, DecompressError, isObject } from '@wazuh-aws/core';

/**
 * The events of an AWSLogs JSON document: each element of its top-level `field` array with
 * `source` set (in place when present, else last). A document that is not an object or lacks
 * `field` has no events (buckets.md §3.1).
 *
 * @throws ParseError for invalid JSON; DecompressError (the reference's TypeError class) when
 * `field` is not an array of objects.
 */
export function recordsOf(document: unknown, field: string, source: string): AwsEvent[] {
  if (!isObject(document) || !Object.hasOwn(document, field)) return [];
  const records = document[field];
  if (!Array.isArray(records)) {
    throw new DecompressError(`'${field}' is not an array of objects`, undefined, 'TypeError');
  }
  return records.map((record, index) => {
    if (!isObject(record)) {
      throw new DecompressError(`'${field}' element ${index} is not an object`, undefined, 'TypeError');
    }
    record.source = source;
    return record;
  });
}

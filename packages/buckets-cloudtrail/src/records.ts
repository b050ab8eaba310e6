import {
  type AwsEvent,
  DecompressError,
  isObject,
  type ObjectContent,
  parsePythonJson,
} from '@wazuh-aws/core';

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

/** Reads the whole object as one JSON document and yields the events under `Records`. */
export async function* parseCloudTrailContent(content: ObjectContent): AsyncGenerator<AwsEvent> {
  yield* recordsOf(parsePythonJson(await content.text()), 'Records', 'cloudtrail');
}

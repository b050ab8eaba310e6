import {
  type AwsEvent,
  DecompressError,
  isObject,
  type ObjectContent,
  parsePythonJson,
} from '@wazuh-aws/core';

/**
 * Reads the whole object as one JSON document and yields each element of its top-level
 * `configurationItems` with `source: 'config'` (set in place when present, else last). A document
 * that is not an object or lacks the member has no events (buckets.md §3.2).
 *
 * @throws ParseError for invalid JSON; DecompressError (the reference's TypeError class) when the
 * member is not an array of objects.
 */
export async function* parseConfigContent(content: ObjectContent): AsyncGenerator<AwsEvent> {
  const document = parsePythonJson(await content.text());
  if (!isObject(document) || !Object.hasOwn(document, 'configurationItems')) return;
  const items = document.configurationItems;
  if (!Array.isArray(items)) {
    throw new DecompressError("'configurationItems' is not an array of objects", undefined, 'TypeError');
  }
  for (const [index, item] of items.entries()) {
    if (!isObject(item)) {
      throw new DecompressError(
        `'configurationItems' element ${index} is not an object`,
        undefined,
        'TypeError',
      );
    }
    item.source = 'config';
    yield item;
  }
}

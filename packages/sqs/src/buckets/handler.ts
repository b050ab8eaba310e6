import { logDiscard, removeNulls, type SubscriberEvent, type SubscriberObjectContext } from '@wazuh-aws/core';
import { wrapRecord } from '../envelope.js';
import { readObjectText } from '../object-text.js';
import { parseBucketsObject } from './records.js';

/**
 * The `buckets` log handler: downloads the object, splits it into records (JSON, CSV or text) and
 * yields each wrapped record not discarded. Text records (a string `full_log`) are matched
 * against the pattern, the others against the field (subscribers.md §5.9; only with a discard
 * option, Q1/Q4).
 */
export async function* readBucketsEvents(context: SubscriberObjectContext): AsyncGenerator<SubscriberEvent> {
  const { route, logger, discard } = context;
  const text = await readObjectText(context);
  for (const record of parseBucketsObject(text, route.key, logger)) {
    removeNulls(record);
    if (discard) {
      const isText = typeof record.full_log === 'string';
      const skip = isText ? discard.matchesText(record.full_log as string) : discard.matchesEvent(record);
      if (isText && !skip)
        logger.warning(`The "${discard.pattern}" regex did not find a match. The event will be processed.`);
      else logDiscard(logger, discard, skip, { text: isText });
      if (skip) continue;
    }
    yield wrapRecord(record, route.bucket, route.key);
  }
}

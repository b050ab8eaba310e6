import {
  EXIT,
  type JsonObject,
  logDiscard,
  ParseError,
  readConcatenatedJson,
  removeNulls,
  type SubscriberEvent,
  type SubscriberObjectContext,
  WazuhAwsError,
} from '@wazuh-aws/core';
import { wrapRecord } from './envelope.js';
import { readObjectText } from './object-text.js';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `detail` members copied to every record, in this order (subscribers.md §6.2). */
const DETAIL_MEMBERS = [
  'actionName',
  'actionDescription',
  'insightName',
  'insightArn',
  'resultType',
  'insightResults',
] as const;

/** Why one event of a file gives no record; exit code 0 where the reference only skipped it. */
class EventProblem {
  constructor(
    readonly text: string,
    readonly exitCode: number,
  ) {}
}

/**
 * The records of one Security Hub EventBridge event: one per finding (decision Q6), each with
 * `source`, `detail_type`, `finding`, then the known `detail` members; none for an empty
 * `findings`; one without `finding` when the event has no `findings` (Insight Results).
 */
export function securityHubRecords(event: unknown, index: number): JsonObject[] | EventProblem {
  if (!isObject(event)) return new EventProblem(`event ${index + 1} is not a JSON object`, EXIT.INVALID_TYPE);
  if (!('detail' in event) || !('detail-type' in event))
    return new EventProblem(`event ${index + 1} has no "detail" or "detail-type"`, EXIT.OK);
  const detail = event.detail;
  if (detail === null || typeof detail === 'number' || typeof detail === 'boolean') {
    return new EventProblem(`the "detail" of event ${index + 1} is not an object`, EXIT.INVALID_TYPE);
  }
  const head = (): JsonObject => ({ source: 'securityhub', detail_type: event['detail-type'] });
  if (!isObject(detail)) return [head()];
  const tail: JsonObject = {};
  for (const name of DETAIL_MEMBERS) if (name in detail) tail[name] = detail[name];
  if (!('findings' in detail)) return [{ ...head(), ...tail }];
  if (!Array.isArray(detail.findings))
    return new EventProblem(`the "findings" of event ${index + 1} is not an array`, EXIT.OK);
  return detail.findings.map((finding) => ({ ...head(), finding, ...structuredClone(tail) }));
}

/**
 * The `security_hub` log handler: concatenated EventBridge events (not JSON → exit 9, `Data in
 * the file does not contain JSON objects.`), every finding sent; an event that gives no record is
 * reported once at the end, after the other events were yielded, so the message stays queued.
 */
export async function* readSecurityHubEvents(
  context: SubscriberObjectContext,
): AsyncGenerator<SubscriberEvent> {
  const { route, logger, discard } = context;
  const text = await readObjectText(context);
  let events: unknown[];
  try {
    events = [...readConcatenatedJson(text)];
  } catch (error) {
    throw new ParseError('Data in the file does not contain JSON objects.', error);
  }
  const problems: EventProblem[] = [];
  for (const [index, event] of events.entries()) {
    const records = securityHubRecords(event, index);
    if (records instanceof EventProblem) {
      problems.push(records);
      continue;
    }
    for (const record of records) {
      removeNulls(record);
      if (discard) {
        const skip = discard.matchesEvent(record);
        logDiscard(logger, discard, skip);
        if (skip) continue;
      }
      yield wrapRecord(record, route.bucket, route.key);
    }
  }
  const first = problems.find((p) => p.exitCode !== EXIT.OK) ?? problems[0];
  if (first) {
    throw new WazuhAwsError(
      `${problems.length} event(s) of the file could not be read, first: ${first.text}`,
      {
        exitCode: first.exitCode,
        code: 'SECURITY_HUB_EVENT',
      },
    );
  }
}

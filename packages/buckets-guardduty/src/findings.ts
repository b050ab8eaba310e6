import { customEvents } from '@wazuh-aws/buckets-custom';
import {
  type AwsEvent,
  DecompressError,
  EXIT,
  isObject,
  type ObjectContent,
  parsePythonJson,
  readLineBatches,
  WazuhAwsError,
} from '@wazuh-aws/core';

/** Whether a key holds a native GuardDuty export (JSON Lines). */
export const isJsonLinesKey = (key: string): boolean => key.toLowerCase().endsWith('.jsonl.gz');

/**
 * One line of a native export: the finding with `source` = its `service.serviceName`
 * (buckets.md §3.4). Surrounding whitespace is allowed; an empty line is a parse error.
 *
 * @throws ParseError for invalid JSON; DecompressError (TypeError class) for a non-object finding;
 * WazuhAwsError exit 1 (the reference's unknown-error class) without `service.serviceName`.
 */
export function parseFindingLine(line: string): AwsEvent {
  const finding = parsePythonJson(line);
  if (!isObject(finding) || (Object.hasOwn(finding, 'service') && !isObject(finding.service))) {
    throw new DecompressError(
      'GuardDuty finding is not an object with a service object',
      undefined,
      'TypeError',
    );
  }
  const service = finding.service as Record<string, unknown> | undefined;
  if (service === undefined || !Object.hasOwn(service, 'serviceName')) {
    throw new WazuhAwsError("GuardDuty finding without 'service.serviceName'", {
      exitCode: EXIT.UNKNOWN,
      code: 'GUARDDUTY_SERVICE_NAME',
    });
  }
  finding.source = service.serviceName;
  return finding;
}

/**
 * Parses one object: JSON Lines findings for `.jsonl.gz` keys (streamed line by line, so memory
 * does not grow with the file), the custom-bucket format otherwise. (Holding a file's messages
 * until it parsed cleanly is the engine's job, for every type.)
 */
export async function* parseGuardDutyContent(content: ObjectContent, key: string): AsyncGenerator<AwsEvent> {
  if (!isJsonLinesKey(key)) {
    yield* [...customEvents(await content.text())];
    return;
  }
  for await (const lines of readLineBatches(content)) {
    for (const line of lines) yield parseFindingLine(line);
  }
}

import { type FileContext, genericReformat, isObject, pythonStr, type WazuhMessage } from '@wazuh-aws/core';

/** Members that must be objects for Wazuh's decoders; anything else is wrapped as `{string}`. */
const OBJECT_FIELDS = ['additionalEventData', 'responseElements', 'requestParameters'] as const;

/**
 * CloudTrail's reformat (buckets.md §3.1): the generic reformat, then non-object
 * `additionalEventData` / `responseElements` / `requestParameters` become
 * `{"string": <Python str()>}` and a boolean `requestParameters.disableApiTermination` becomes
 * `{"value": <bool>}`; any other non-object value there is left as is with a `WARNING:` line.
 */
export function reformatCloudTrail(
  message: WazuhMessage,
  context: Pick<FileContext, 'logger'>,
): WazuhMessage[] {
  genericReformat(message);
  const aws = message.aws;
  if (!isObject(aws)) return [message];
  for (const field of OBJECT_FIELDS) {
    if (Object.hasOwn(aws, field) && !isObject(aws[field])) aws[field] = { string: pythonStr(aws[field]) };
  }
  const parameters = aws.requestParameters;
  if (isObject(parameters) && Object.hasOwn(parameters, 'disableApiTermination')) {
    const value = parameters.disableApiTermination;
    if (typeof value === 'boolean') parameters.disableApiTermination = { value };
    else if (!isObject(value)) context.logger.warning(`Could not reformat event ${JSON.stringify(message)}`);
  }
  return [message];
}

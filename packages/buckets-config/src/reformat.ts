import {
  EXIT,
  type FileContext,
  genericReformat,
  isObject,
  type JsonObject,
  WazuhAwsError,
  type WazuhMessage,
} from '@wazuh-aws/core';
import { createdTimeSeconds } from './created-time.js';

type Warn = () => void;

/** `{key: [value]}` for every member of an object. */
const wrapValues = (value: JsonObject): JsonObject =>
  Object.fromEntries(Object.entries(value).map(([name, member]) => [name, [member]]));

/** `securityGroups` / `availabilityZones`: string, array of objects or object forms (§3.2). */
function listShape(value: unknown, single: string, members: readonly string[], warn: Warn): unknown {
  if (typeof value === 'string') return { [single]: [value] };
  if (Array.isArray(value)) {
    const out: JsonObject = {};
    for (const member of members) {
      const values = value
        .filter((e) => isObject(e) && Object.hasOwn(e, member))
        .map((e) => (e as JsonObject)[member]);
      if (values.length > 0) out[member] = values;
    }
    return out;
  }
  if (isObject(value)) return wrapValues(value);
  warn();
  return value;
}

/** `state` / `iamInstanceProfile`: a string becomes `{name}`; objects stay. */
function nameShape(value: unknown, warn: Warn): unknown {
  if (typeof value === 'string') return { name: value };
  if (!isObject(value)) warn();
  return value;
}

/**
 * Config's reformat (buckets.md §3.2): the generic reformat, then, when `aws.configuration`
 * exists, `Content` objects become their member names and `securityGroups`,
 * `availabilityZones`, `state`, `createdTime` (UTC, decision B18) and `iamInstanceProfile` get
 * their fixed shapes. Values of another shape stay, with a `WARNING:` line each.
 *
 * @throws WazuhAwsError (exit 7, as the reference) when a `Content` member is not an object.
 */
export function reformatConfig(message: WazuhMessage, context: Pick<FileContext, 'logger'>): WazuhMessage[] {
  genericReformat(message);
  const aws = message.aws;
  if (!isObject(aws) || !isObject(aws.configuration)) return [message];
  const configuration = aws.configuration;
  const warn = () => context.logger.warning(`Could not reformat event ${JSON.stringify(message)}`);
  for (const value of Object.values(configuration)) {
    if (isObject(value) && Object.hasOwn(value, 'Content')) value.Content = contentNames(value.Content);
  }
  if (Object.hasOwn(configuration, 'securityGroups')) {
    configuration.securityGroups = listShape(
      configuration.securityGroups,
      'groupId',
      ['groupId', 'groupName'],
      warn,
    );
  }
  if (Object.hasOwn(configuration, 'availabilityZones')) {
    const zones = configuration.availabilityZones;
    configuration.availabilityZones = listShape(zones, 'zoneName', ['subnetId', 'zoneName'], warn);
  }
  if (Object.hasOwn(configuration, 'state')) configuration.state = nameShape(configuration.state, warn);
  if (Object.hasOwn(configuration, 'createdTime')) {
    const seconds = createdTimeSeconds(configuration.createdTime);
    if (seconds === undefined) warn();
    else configuration.createdTime = seconds;
  }
  if (Object.hasOwn(configuration, 'iamInstanceProfile')) {
    configuration.iamInstanceProfile = nameShape(configuration.iamInstanceProfile, warn);
  }
  return [message];
}

function contentNames(content: unknown): string[] {
  if (isObject(content)) return Object.keys(content);
  throw new WazuhAwsError(`Config 'Content' is not an object: ${JSON.stringify(content)}`, {
    exitCode: EXIT.S3_OBJECTS,
    code: 'CONFIG_CONTENT',
  });
}

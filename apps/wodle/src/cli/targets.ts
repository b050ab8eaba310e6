// Mode dispatch checks (cli.md §5.1–§5.5 with decisions L18, L19): which implementation the
// command line names, and the subscriber options that must be present.
import { EXIT, type Logger, silentLogger, WazuhAwsError } from '@wazuh-aws/core';
import type { ParsedArguments } from './args.js';

/** Values of `--type` (bucket mode), in the reference's order. */
export const BUCKET_TYPES = [
  'cloudtrail',
  'vpcflow',
  'config',
  'custom',
  'guardduty',
  'cisco_umbrella',
  'waf',
  'alb',
  'clb',
  'nlb',
  'server_access',
] as const;
/** Values of `--service`. */
export const SERVICE_TYPES = ['inspector', 'cloudwatchlogs'] as const;
/** Values of `--subscriber`. */
export const SUBSCRIBER_TYPES = ['security_lake', 'buckets', 'security_hub'] as const;

export type BucketType = (typeof BUCKET_TYPES)[number];
export type ServiceType = (typeof SERVICE_TYPES)[number];
export type SubscriberType = (typeof SUBSCRIBER_TYPES)[number];

/** The implementation a command line selects. */
export type Target =
  | { mode: 'bucket'; type: BucketType }
  | { mode: 'service'; service: ServiceType }
  | { mode: 'subscriber'; subscriber: SubscriberType };

type TargetInput = Pick<
  ParsedArguments,
  'mode' | 'type' | 'service' | 'subscriber' | 'queue' | 'iamRoleArn' | 'externalId' | 'profile'
>;

function invalidType(what: 'bucket' | 'service' | 'subscriber'): WazuhAwsError {
  return new WazuhAwsError(`Invalid type of ${what}`, { exitCode: EXIT.INVALID_TYPE, code: 'INVALID_TYPE' });
}

function pick<const T extends readonly string[]>(list: T, value: string | undefined): T[number] | undefined {
  const lower = value?.toLowerCase();
  return list.find((name) => name === lower);
}

/** `--service` lower-cased → its name, or the exit-12 `Invalid type of service` error. */
export function resolveService(service: string | undefined): ServiceType {
  const name = pick(SERVICE_TYPES, service);
  if (!name) throw invalidType('service');
  return name;
}

function missing(option: string): WazuhAwsError {
  return new WazuhAwsError(`Used a subscriber but no --${option} provided.`, {
    exitCode: EXIT.SQS_FAILURE,
    code: 'SUBSCRIBER_MISSING_OPTION',
  });
}

/**
 * Maps the mode's name option to its implementation and checks the subscriber's required options.
 * Throws a `WazuhAwsError`: exit 12 `Invalid type of bucket|service|subscriber` (also for an empty
 * `--service`/`--subscriber`, decision L18); exit 21 `Used a subscriber but no --{option} provided.`
 * (`--queue` for every subscriber, decision L19; `--iam_role_arn` then `--queue` then a non-empty
 * `--external_id` for `security_lake`). Call it before {@link regionsForMode}.
 */
export function resolveTarget(parsed: TargetInput, logger: Logger = silentLogger): Target {
  if (parsed.mode === 'bucket') {
    const type = pick(BUCKET_TYPES, parsed.type);
    if (!type) throw invalidType('bucket');
    return { mode: 'bucket', type };
  }
  if (parsed.mode === 'service' || (parsed.mode === 'none' && parsed.service !== undefined)) {
    return { mode: 'service', service: resolveService(parsed.service) };
  }
  const subscriber = pick(SUBSCRIBER_TYPES, parsed.subscriber);
  if (!subscriber) throw invalidType('subscriber');
  if (subscriber === 'security_lake' && parsed.iamRoleArn === undefined) throw missing('iam_role_arn');
  if (parsed.queue === undefined) throw missing('queue');
  if (subscriber === 'security_lake') {
    if (!parsed.externalId) throw missing('external_id');
    if (parsed.profile === undefined) logger.debug(2, 'Used a subscriber but no --aws_profile provided.');
  }
  return { mode: 'subscriber', subscriber };
}

// parseArguments: argv → a typed, normalised view of the command line (cli.md §1–§4 with the
// decisions of "Command line (L)"). Pure: no output, no exit; failures are thrown.
import { basename } from 'node:path';
import { EXIT, WazuhAwsError } from '@wazuh-aws/core';
import { DEFAULT_PROG } from './errors.js';
import { DEFAULT_CONCURRENCY, DEFAULT_OUTPUT, type OutputSpec } from './extra-options.js';
import { createArgumentParser } from './parser.js';
import { pyInt, pyRepr, pyStrip } from './python-compat.js';

/** Which group option selected the mode; `none` when the one given is empty (`--service ""`). */
export type RunMode = 'bucket' | 'service' | 'subscriber' | 'none';

/** The command line after parsing, validation and normalisation. */
export interface ParsedArguments {
  mode: RunMode;
  /** `--bucket`. */
  bucket?: string;
  /** `--type`, lower-cased. @default 'cloudtrail' */
  type: string;
  /** `--service` as given (may be `''`). */
  service?: string;
  /** `--subscriber` as given (may be `''`). */
  subscriber?: string;
  queue?: string;
  organizationId?: string;
  /** `--aws_account_id`, trimmed items in input order, duplicates kept; absent → discovery. */
  accountIds?: string[];
  /** Run debug level 0..3 (`--debug` values above 3 behave like 3, zero or negative is off). */
  debugLevel: number;
  /** `--debug` exactly as given, for `+++ Debug mode on - Level: {debugText}`. @default '0' */
  debugText: string;
  accessKey?: string;
  secretKey?: string;
  remove: boolean;
  profile?: string;
  externalId?: string;
  iamRoleArn?: string;
  /** Seconds, 900..3600; only with {@link iamRoleArn}. */
  iamRoleDuration?: number;
  /** @default '' */
  accountAlias: string;
  /** Ends with `/` unless empty. @default '' */
  trailPrefix: string;
  /** Ends with `/` unless empty. @default '' */
  trailSuffix: string;
  /** `YYYYMMDD`. */
  onlyLogsAfter?: string;
  /** Trimmed, de-duplicated, sorted; not yet checked against a region list (see regionsForMode). */
  regions: string[];
  skipOnError: boolean;
  reparse: boolean;
  /** `--aws_log_groups` split on `,`, trimmed, empty items dropped. */
  logGroups: string[];
  removeLogStreams: boolean;
  discardField?: string;
  discardRegex?: string;
  stsEndpoint?: string;
  serviceEndpoint?: string;
  /** `--wazuh-path`, else a non-empty `WAZUH_PATH`; absent → the caller discovers the install. */
  wazuhPath?: string;
  /** @default { kind: 'wazuh' } */
  output: OutputSpec;
  /** @default 4 */
  concurrency: number;
  /** `--parse-threads`; absent → one fewer than the CPUs, 1 to 4. */
  parseThreads?: number;
  summary: boolean;
}

/** Program name for usage/error texts: basename of argv[1], else `aws-s3`. */
export function programName(argv: readonly string[]): string {
  const script = argv[1] ? basename(argv[1]) : '';
  // Run through node (`cli.js`) the program is still the wodle modulesd knows as aws-s3.
  return script && !script.endsWith('.js') ? script : DEFAULT_PROG;
}

function unknownError(code: string, text: string): WazuhAwsError {
  // Printed by the entry as `ERROR: Unknown error: …`, exit 1 (cli.md §1 steps 5–6).
  return new WazuhAwsError(`Unknown error: ${text}`, { exitCode: EXIT.UNKNOWN, code });
}

function debugLevelOf(value: string): number {
  const n = pyInt(value);
  if (n === undefined) {
    throw unknownError('CLI_DEBUG_NOT_INTEGER', `invalid literal for int() with base 10: ${pyRepr(value)}`);
  }
  return n <= 0n ? 0 : n >= 3n ? 3 : Number(n);
}

/** `--wazuh-retry-timeout` belongs to the Wazuh socket output; other outputs ignore it. */
function withRetryTimeout(output: OutputSpec, retryTimeoutMs: number | undefined): OutputSpec {
  return output.kind === 'wazuh' && retryTimeoutMs !== undefined ? { kind: 'wazuh', retryTimeoutMs } : output;
}

const opt = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

/**
 * Parses a command line. `argv` is `process.argv`-shaped: `[node, script, ...arguments]`.
 *
 * Throws `CliHelpRequested` (exit 0, text for stdout) for `-h`/`--help`, `CliUsageError` (exit 2,
 * two stderr lines) for anything the parser rejects, and a `WazuhAwsError` with exit 1 and message
 * `Unknown error: …` for `--iam_role_duration` without `--iam_role_arn` or a non-integer `--debug`.
 * The bucket type / service / subscriber names are not checked here (see `resolveTarget`).
 *
 * @example
 * const args = parseArguments(process.argv);
 * if (args.mode === 'bucket') console.log(args.bucket, args.type, args.regions);
 */
export function parseArguments(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ParsedArguments {
  const ns = createArgumentParser(programName(argv)).parse_args(argv.slice(2)) as Record<string, unknown>;
  const get = <T>(key: string) => opt(ns[key] as T | null | undefined);

  if (get('iamRoleDuration') !== undefined && get('iamRoleArn') === undefined) {
    throw unknownError(
      'CLI_ROLE_DURATION_WITHOUT_ARN',
      'Used --iam_role_duration argument but no --iam_role_arn provided.',
    );
  }
  const debugText = get<string>('debug') ?? '0';
  const debugLevel = debugLevelOf(debugText);

  const bucket = get<string>('bucket');
  const service = get<string>('service');
  const subscriber = get<string>('subscriber');
  const mode: RunMode = bucket ? 'bucket' : service ? 'service' : subscriber ? 'subscriber' : 'none';
  const envWazuh = env.WAZUH_PATH && pyStrip(env.WAZUH_PATH) ? env.WAZUH_PATH : undefined;

  return {
    mode,
    bucket,
    type: (get<string>('type') ?? 'cloudtrail').toLowerCase(),
    service,
    subscriber,
    queue: get('queue'),
    organizationId: get('organizationId'),
    accountIds: get('accountIds'),
    debugLevel,
    debugText,
    accessKey: get('accessKey'),
    secretKey: get('secretKey'),
    remove: ns.remove === true,
    profile: get('profile'),
    externalId: get('externalId'),
    iamRoleArn: get('iamRoleArn'),
    iamRoleDuration: get('iamRoleDuration'),
    accountAlias: get<string>('accountAlias') ?? '',
    trailPrefix: get<string>('trailPrefix') ?? '',
    trailSuffix: get<string>('trailSuffix') ?? '',
    onlyLogsAfter: get('onlyLogsAfter'),
    regions: get<string[]>('regions') ?? [],
    skipOnError: ns.skipOnError === true,
    reparse: ns.reparse === true,
    logGroups: (get<string>('logGroups') ?? '')
      .split(',')
      .map(pyStrip)
      .filter((g) => g !== ''),
    removeLogStreams: ns.removeLogStreams === true,
    discardField: get('discardField'),
    discardRegex: get('discardRegex'),
    stsEndpoint: get('stsEndpoint'),
    serviceEndpoint: get('serviceEndpoint'),
    wazuhPath: get<string>('wazuhPath') ?? envWazuh,
    output: withRetryTimeout(get<OutputSpec>('output') ?? DEFAULT_OUTPUT, get<number>('wazuhRetryTimeoutMs')),
    concurrency: get<number>('concurrency') ?? DEFAULT_CONCURRENCY,
    parseThreads: get<number>('parseThreads'),
    summary: ns.summary === true,
  };
}

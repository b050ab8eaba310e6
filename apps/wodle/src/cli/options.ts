// The option table of the command line (cli.md §3), in the reference's declaration order, plus
// our own long-only options at the end.
import {
  parseConcurrency,
  parseOutputSpec,
  parseParseThreads,
  parseWazuhPath,
  parseWazuhRetryTimeout,
} from './extra-options.js';
import {
  parseAccountIds,
  parseBucketName,
  parseIamRoleArn,
  parseIamRoleDuration,
  parseKeyPart,
  parseLogGroupsArgument,
  parseOnlyLogsAfter,
  parseQueueName,
  parseRegions,
} from './validators.js';

/** One option of the command line. */
export interface OptionDef {
  /** Short form first when there is one, e.g. `['-sr', '--service']`. */
  readonly flags: readonly string[];
  /** Key in the parser's namespace. */
  readonly dest: string;
  /** `flag` takes no value (store_true). */
  readonly kind: 'value' | 'flag';
  /** Validator/converter; throws `InvalidValueError`. */
  readonly type?: (value: string) => unknown;
  /** Default; a string default goes through `type` like in Python's argparse. */
  readonly default?: unknown;
  /** Member of the required mutually exclusive mode group. */
  readonly mode?: true;
  /** Ours, not the reference's: never matched by an abbreviation that also fits a reference option. */
  readonly extra?: true;
  /** Its value is a credential: masked in the `Args:` debug line. */
  readonly secret?: true;
}

/** Every option, in declaration order (which fixes the order of argparse's messages). */
export const OPTIONS: readonly OptionDef[] = Object.freeze([
  { flags: ['-b', '--bucket'], dest: 'bucket', kind: 'value', type: parseBucketName, mode: true },
  { flags: ['-sr', '--service'], dest: 'service', kind: 'value', mode: true },
  { flags: ['-sb', '--subscriber'], dest: 'subscriber', kind: 'value', mode: true },
  { flags: ['-q', '--queue'], dest: 'queue', kind: 'value', type: parseQueueName },
  { flags: ['-O', '--aws_organization_id'], dest: 'organizationId', kind: 'value' },
  { flags: ['-c', '--aws_account_id'], dest: 'accountIds', kind: 'value', type: parseAccountIds },
  { flags: ['-d', '--debug'], dest: 'debug', kind: 'value' },
  { flags: ['-a', '--access_key'], dest: 'accessKey', kind: 'value', secret: true },
  { flags: ['-k', '--secret_key'], dest: 'secretKey', kind: 'value', secret: true },
  { flags: ['-R', '--remove'], dest: 'remove', kind: 'flag' },
  { flags: ['-p', '--aws_profile'], dest: 'profile', kind: 'value' },
  { flags: ['-x', '--external_id'], dest: 'externalId', kind: 'value', secret: true },
  { flags: ['-i', '--iam_role_arn'], dest: 'iamRoleArn', kind: 'value', type: parseIamRoleArn },
  { flags: ['-n', '--aws_account_alias'], dest: 'accountAlias', kind: 'value', default: '' },
  { flags: ['-l', '--trail_prefix'], dest: 'trailPrefix', kind: 'value', type: parseKeyPart, default: '' },
  { flags: ['-L', '--trail_suffix'], dest: 'trailSuffix', kind: 'value', type: parseKeyPart, default: '' },
  { flags: ['-s', '--only_logs_after'], dest: 'onlyLogsAfter', kind: 'value', type: parseOnlyLogsAfter },
  { flags: ['-r', '--regions'], dest: 'regions', kind: 'value', type: parseRegions, default: '' },
  { flags: ['-e', '--skip_on_error'], dest: 'skipOnError', kind: 'flag' },
  { flags: ['-o', '--reparse'], dest: 'reparse', kind: 'flag' },
  { flags: ['-t', '--type'], dest: 'type', kind: 'value', default: 'cloudtrail' },
  {
    flags: ['-g', '--aws_log_groups'],
    dest: 'logGroups',
    kind: 'value',
    type: parseLogGroupsArgument,
    default: '',
  },
  { flags: ['-P', '--remove-log-streams'], dest: 'removeLogStreams', kind: 'flag' },
  { flags: ['-df', '--discard-field'], dest: 'discardField', kind: 'value' },
  { flags: ['-dr', '--discard-regex'], dest: 'discardRegex', kind: 'value' },
  { flags: ['-st', '--sts_endpoint'], dest: 'stsEndpoint', kind: 'value' },
  { flags: ['-se', '--service_endpoint'], dest: 'serviceEndpoint', kind: 'value' },
  {
    flags: ['-rd', '--iam_role_duration'],
    dest: 'iamRoleDuration',
    kind: 'value',
    type: parseIamRoleDuration,
  },
  { flags: ['--wazuh-path'], dest: 'wazuhPath', kind: 'value', type: parseWazuhPath, extra: true },
  { flags: ['--output'], dest: 'output', kind: 'value', type: parseOutputSpec, extra: true },
  { flags: ['--concurrency'], dest: 'concurrency', kind: 'value', type: parseConcurrency, extra: true },
  {
    flags: ['--parse-threads'],
    dest: 'parseThreads',
    kind: 'value',
    type: parseParseThreads,
    extra: true,
  },
  { flags: ['--summary'], dest: 'summary', kind: 'flag', extra: true },
  {
    flags: ['--wazuh-retry-timeout'],
    dest: 'wazuhRetryTimeoutMs',
    kind: 'value',
    type: parseWazuhRetryTimeout,
    extra: true,
  },
] satisfies OptionDef[]);

/** Every option string (`-b`, `--bucket`, …, `-h`, `--help`), for prefix resolution outside argparse. */
export const OPTION_STRINGS: readonly string[] = Object.freeze([
  '-h',
  '--help',
  ...OPTIONS.flatMap((o) => o.flags),
]);

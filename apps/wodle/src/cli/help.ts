// The `--help` text (decision L16: a fixed, accurate text). Written by hand rather than generated
// by argparse so it can group options by mode and carry examples and the exit-code table.

const BUCKET_EXAMPLES: readonly (readonly [string, string])[] = [
  ['cloudtrail', '--bucket my-trail-bucket --type cloudtrail --regions us-east-1,eu-west-1'],
  ['vpcflow', '--bucket my-flow-logs --type vpcflow --aws_account_id 123456789012'],
  ['config', '--bucket my-config-bucket --type config --only_logs_after 2024-JAN-31'],
  ['custom', '--bucket my-custom-bucket --type custom --trail_prefix macie/'],
  ['guardduty', '--bucket my-guardduty-bucket --type guardduty'],
  ['cisco_umbrella', '--bucket my-umbrella-bucket --type cisco_umbrella --trail_prefix dnslogs'],
  ['waf', '--bucket my-waf-bucket --type waf'],
  ['alb', '--bucket my-lb-logs --type alb --regions us-east-1'],
  ['clb', '--bucket my-lb-logs --type clb --regions us-east-1'],
  ['nlb', '--bucket my-lb-logs --type nlb --regions us-east-1'],
  ['server_access', '--bucket my-access-logs --type server_access --trail_prefix logs/'],
];

const EXIT_CODES: readonly (readonly [number, string])[] = [
  [0, 'success'],
  [1, 'unknown error (the output says "Unknown error: …")'],
  [2, 'invalid arguments, or interrupted by SIGINT/SIGTERM'],
  [3, 'invalid credentials or role assumption failed'],
  [4, 'AWS SDK missing'],
  [5, 'unexpected error accessing the state database'],
  [6, 'unable to create the state database'],
  [7, 'unexpected error listing or reading S3 objects'],
  [8, 'a file could not be decompressed'],
  [9, 'a file could not be parsed'],
  [10, 'Parquet support missing'],
  [11, 'Wazuh is not running (queue socket absent or refusing)'],
  [12, 'invalid type of bucket, service or subscriber (or another dispatch error)'],
  [13, 'unexpected error sending an event to Wazuh'],
  [14, 'the bucket is empty'],
  [15, 'invalid endpoint URL'],
  [16, 'throttled by AWS, or a CloudWatch Logs request failed'],
  [17, 'invalid key format (AWS config value or S3 key name)'],
  [18, 'no logs found under the given prefix'],
  [19, 'server clock and AWS clock differ'],
  [20, 'SQS queue not found'],
  [21, 'SQS receive/delete failed, or a subscriber option is missing'],
  [22, 'invalid or unsupported region'],
  [23, 'AWS profile not found'],
];

function section(title: string, lines: readonly string[]): string {
  return `${title}:\n${lines.map((l) => (l ? `  ${l}` : '')).join('\n')}\n`;
}

/** The full help text for program name `prog`, ending with a newline. */
export function renderHelp(prog: string): string {
  const width = Math.max(...BUCKET_EXAMPLES.map(([t]) => t.length));
  return [
    `usage: ${prog} [options]\n\nWazuh wodle for monitoring AWS: reads logs from S3 buckets, CloudWatch Logs,\nInspector and SQS subscriptions and sends each event to Wazuh.\n\nExactly one of --bucket, --service or --subscriber selects the mode.\n`,
    section('Bucket mode', [
      '-b, --bucket NAME            S3 bucket containing the logs',
      '-t, --type TYPE              bucket type (default cloudtrail): cloudtrail, vpcflow,',
      '                             config, custom, guardduty, cisco_umbrella, waf, alb,',
      '                             clb, nlb, server_access',
      '-l, --trail_prefix PREFIX    key prefix of the logs (a trailing / is added)',
      '-L, --trail_suffix SUFFIX    key part after AWSLogs/ (a trailing / is added)',
      '-O, --aws_organization_id ID AWS Organizations id in the key layout',
      '-c, --aws_account_id IDS     comma-separated 12-digit account ids (default: discovered)',
      '-R, --remove                 delete each object once its events were sent',
    ]),
    section('Service mode', [
      '-sr, --service NAME          inspector or cloudwatchlogs',
      '-g, --aws_log_groups GROUPS  comma-separated CloudWatch log group names',
      '-P, --remove-log-streams     delete each log stream once processed',
    ]),
    section('Subscriber mode', [
      '-sb, --subscriber NAME       buckets, security_hub or security_lake',
      '-q, --queue NAME             SQS queue to read notifications from (required)',
      '-x, --external_id ID         external id for the role assumption',
    ]),
    section('Common options', [
      '-r, --regions LIST           comma-separated regions to read (bucket and service modes;',
      '                             for subscribers, the first one is the SQS region)',
      '-s, --only_logs_after DATE   only logs after this date, format YYYY-MMM-DD (2024-JAN-31)',
      '-o, --reparse                process again what was already processed',
      '-e, --skip_on_error          skip files that cannot be decompressed or parsed and go on',
      '                             (default: stop with an error)',
      '-p, --aws_profile NAME       AWS profile to use',
      '-i, --iam_role_arn ARN       IAM role to assume',
      '-rd, --iam_role_duration S   role session duration in seconds, 900..3600',
      '-n, --aws_account_alias TEXT alias written into bucket events',
      '-df, --discard-field PATH    dotted path of the field the discard regex is applied to',
      '-dr, --discard-regex REGEX   discard events whose field (or text) matches',
      '-st, --sts_endpoint URL      STS endpoint for the role assumption',
      '-se, --service_endpoint URL  endpoint of the S3 / CloudWatch Logs / Inspector client',
      '-a, --access_key KEY         deprecated: static access key id (with --secret_key)',
      '-k, --secret_key KEY         deprecated: static secret access key',
      '-d, --debug LEVEL            debug level 1..3',
      '-h, --help                   show this help and exit',
    ]),
    section('Output and run options', [
      '--wazuh-path DIR             Wazuh installation directory (default: $WAZUH_PATH, then',
      '                             the installation this program belongs to)',
      '--output SPEC                wazuh (default, the queue socket), stdout, or jsonl:FILE',
      '--concurrency N              work in flight, 1..256 (default 4): bucket objects, CloudWatch',
      '                             Logs streams and API calls, SQS messages',
      '--parse-threads N            threads parsing bucket files, 0..16 (0: the main thread;',
      '                             default: one fewer than the CPUs, 1 to 4)',
      '--wazuh-retry-timeout SECS   when the Wazuh socket goes away mid-run, retry this long',
      '                             before giving up with exit 11 (default 30)',
      '--summary                    print a summary of the run at the end (stderr)',
    ]),
    section('Examples', [
      ...BUCKET_EXAMPLES.map(([type, args]) => `${type.padEnd(width)}  ${prog} ${args}`),
      `${'inspector'.padEnd(width)}  ${prog} --service inspector --regions us-east-1`,
      `${'cloudwatchlogs'.padEnd(width)}  ${prog} --service cloudwatchlogs --aws_log_groups my-group --regions us-east-1`,
      `${'buckets'.padEnd(width)}  ${prog} --subscriber buckets --queue my-queue`,
      `${'security_hub'.padEnd(width)}  ${prog} --subscriber security_hub --queue my-queue`,
      `${'security_lake'.padEnd(width)}  ${prog} --subscriber security_lake --queue my-queue \\`,
      `${''.padEnd(width)}    --iam_role_arn arn:aws:iam::123456789012:role/reader --external_id my-id`,
      `${'without Wazuh'.padEnd(width)}  ${prog} --bucket my-trail --output jsonl:/tmp/events.jsonl --wazuh-path /tmp/w`,
    ]),
    section(
      'Exit codes',
      EXIT_CODES.map(([code, meaning]) => `${String(code).padStart(2)}  ${meaning}`),
    ),
  ].join('\n');
}

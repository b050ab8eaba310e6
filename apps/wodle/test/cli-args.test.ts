import { EXIT, WazuhAwsError } from '@wazuh-aws/core';
import { describe, expect, it } from 'vitest';
import { type ParsedArguments, parseArguments, programName } from '../src/cli/args.js';
import { CliHelpRequested, CliUsageError } from '../src/cli/errors.js';

const SCRIPT = '/var/ossec/wodles/aws/aws-s3';
const parse = (...args: string[]) => parseArguments(['node', SCRIPT, ...args], {});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}

/** The parser's error message (second stderr line without `aws-s3: error: `), asserting exit 2. */
function usageError(...args: string[]): string {
  const error = thrown(() => parse(...args));
  expect(error).toBeInstanceOf(CliUsageError);
  const usage = error as CliUsageError;
  expect(usage.exitCode).toBe(2);
  expect(usage.stderr[0]).toBe('usage: aws-s3 [options]');
  expect(usage.stderr[1]?.startsWith('aws-s3: error: ')).toBe(true);
  return usage.stderr[1]?.slice('aws-s3: error: '.length) ?? '';
}

const ARN = 'arn:aws:iam::123456789012:role/reader';

describe('defaults', () => {
  it('gives the normalised defaults for a bare bucket', () => {
    expect(parse('--bucket', 'my-bucket')).toEqual({
      mode: 'bucket',
      bucket: 'my-bucket',
      type: 'cloudtrail',
      debugLevel: 0,
      debugText: '0',
      remove: false,
      accountAlias: '',
      trailPrefix: '',
      trailSuffix: '',
      regions: [],
      skipOnError: false,
      reparse: false,
      logGroups: [],
      removeLogStreams: false,
      output: { kind: 'wazuh' },
      concurrency: 4,
      summary: false,
    } satisfies Partial<ParsedArguments>);
  });
});

// [short, long, value, field, expected]; flags have value undefined.
const FLAG_TABLE: [string, string, string | undefined, keyof ParsedArguments, unknown][] = [
  ['-q', '--queue', 'my_queue-1', 'queue', 'my_queue-1'],
  ['-O', '--aws_organization_id', 'o-abc123', 'organizationId', 'o-abc123'],
  ['-c', '--aws_account_id', '123456789012,210987654321', 'accountIds', ['123456789012', '210987654321']],
  ['-d', '--debug', '2', 'debugLevel', 2],
  ['-a', '--access_key', 'AKIDEXAMPLE', 'accessKey', 'AKIDEXAMPLE'],
  ['-k', '--secret_key', 's3cr3t', 'secretKey', 's3cr3t'],
  ['-R', '--remove', undefined, 'remove', true],
  ['-p', '--aws_profile', 'prod', 'profile', 'prod'],
  ['-x', '--external_id', 'ext-id', 'externalId', 'ext-id'],
  ['-i', '--iam_role_arn', ARN, 'iamRoleArn', ARN],
  ['-n', '--aws_account_alias', 'my alias', 'accountAlias', 'my alias'],
  ['-l', '--trail_prefix', 'logs', 'trailPrefix', 'logs/'],
  ['-L', '--trail_suffix', 'suffix/', 'trailSuffix', 'suffix/'],
  ['-s', '--only_logs_after', '2024-JAN-31', 'onlyLogsAfter', '20240131'],
  ['-r', '--regions', 'us-west-2,us-east-1', 'regions', ['us-east-1', 'us-west-2']],
  ['-e', '--skip_on_error', undefined, 'skipOnError', true],
  ['-o', '--reparse', undefined, 'reparse', true],
  ['-t', '--type', 'VPCFlow', 'type', 'vpcflow'],
  ['-g', '--aws_log_groups', ' group-a,,group-b , ', 'logGroups', ['group-a', 'group-b']],
  ['-P', '--remove-log-streams', undefined, 'removeLogStreams', true],
  ['-df', '--discard-field', 'data.severity', 'discardField', 'data.severity'],
  ['-dr', '--discard-regex', '^(low|info)$', 'discardRegex', '^(low|info)$'],
  ['-st', '--sts_endpoint', 'https://sts.example', 'stsEndpoint', 'https://sts.example'],
  ['-se', '--service_endpoint', 'https://s3.example', 'serviceEndpoint', 'https://s3.example'],
];

describe('every option, short and long', () => {
  for (const [short, long, value, field, expected] of FLAG_TABLE) {
    for (const spelling of [short, long]) {
      it(`${spelling} → ${field}`, () => {
        const args = value === undefined ? [spelling] : [spelling, value];
        expect(parse('--bucket', 'my-bucket', ...args)[field]).toEqual(expected);
      });
    }
    if (value !== undefined) {
      it(`${long}=value and ${short}=value`, () => {
        expect(parse('-b', 'my-bucket', `${long}=${value}`)[field]).toEqual(expected);
        expect(parse('-b', 'my-bucket', `${short}=${value}`)[field]).toEqual(expected);
      });
    }
  }

  it('-rd / --iam_role_duration (with a role)', () => {
    expect(parse('-b', 'my-bucket', '-i', ARN, '-rd', '0900').iamRoleDuration).toBe(900);
    expect(
      parse('-b', 'my-bucket', '--iam_role_arn', ARN, '--iam_role_duration', '3600').iamRoleDuration,
    ).toBe(3600);
  });

  it.each([
    [['-b', 'my-bucket'], 'bucket', 'bucket', 'my-bucket'],
    [['--bucket', 'my-bucket'], 'bucket', 'bucket', 'my-bucket'],
    [['-sr', 'Inspector'], 'service', 'service', 'Inspector'],
    [['--service', 'cloudwatchlogs'], 'service', 'service', 'cloudwatchlogs'],
    [['-sb', 'buckets'], 'subscriber', 'subscriber', 'buckets'],
    [['--subscriber', 'security_lake'], 'subscriber', 'subscriber', 'security_lake'],
  ] as const)('%j selects %s mode', (args, mode, field, value) => {
    const parsed = parse(...args);
    expect(parsed.mode).toBe(mode);
    expect(parsed[field]).toBe(value);
  });

  it('an empty --service / --subscriber passes the parser and selects no mode (L18 is resolveTarget)', () => {
    expect(parse('--service', '')).toMatchObject({ mode: 'none', service: '' });
    expect(parse('--subscriber=')).toMatchObject({ mode: 'none', subscriber: '' });
  });
});

describe('argparse behaviour', () => {
  it('accepts unambiguous abbreviations of long options', () => {
    expect(parse('--buck', 'my-bucket').bucket).toBe('my-bucket');
    expect(usageError('--servic', 'inspector')).toBe(
      'ambiguous option: --servic could match --service, --service_endpoint',
    );
    expect(parse('--subs', 'buckets').subscriber).toBe('buckets');
    expect(parse('-b', 'my-bucket', '--rep', '--only', '2024-MAR-01').onlyLogsAfter).toBe('20240301');
    expect(parse('-b', 'my-bucket', '--aws_account_i=123456789012').accountIds).toEqual(['123456789012']);
    expect(usageError('-b', 'my-bucket', '--aws_acc=123456789012')).toBe(
      'ambiguous option: --aws_acc=123456789012 could match --aws_account_id, --aws_account_alias',
    );
  });
  it('our extra options never make a reference abbreviation ambiguous', () => {
    expect(parse('--su', 'buckets').subscriber).toBe('buckets'); // not --summary
    expect(parse('-b', 'my-bucket', '--o', '2024-JAN-01').onlyLogsAfter).toBe('20240101'); // not --output
  });
  it('reports ambiguous abbreviations', () => {
    expect(usageError('-b', 'my-bucket', '--s', 'x')).toBe(
      'ambiguous option: --s could match --service, --subscriber, --secret_key, --skip_on_error, --sts_endpoint, --service_endpoint',
    );
    expect(usageError('-b', 'my-bucket', '--trail', 'x')).toBe(
      'ambiguous option: --trail could match --trail_prefix, --trail_suffix',
    );
  });
  it('takes attached values of single-letter short options', () => {
    expect(parse('-bmybucket').bucket).toBe('mybucket');
    expect(parse('-bmybucket', '-rus-east-1', '-tALB').regions).toEqual(['us-east-1']);
    expect(parse('-bmybucket', '-tALB').type).toBe('alb');
  });
  it('multi-letter short options need a separate value or = (quirk L14)', () => {
    expect(parse('-sr=inspector').service).toBe('inspector');
    expect(usageError('-srinspector')).toBe(
      "argument -s/--only_logs_after: Argument not a valid date in format YYYY-MMM-DD: 'rinspector'.",
    );
    expect(thrown(() => parse('-b', 'my-bucket', '-dfa.b'))).toMatchObject({
      exitCode: 1,
      message: "Unknown error: invalid literal for int() with base 10: 'fa.b'",
    });
  });
  it('the last occurrence wins', () => {
    const parsed = parse(
      '-b',
      'first-bucket',
      '--bucket',
      'second-bucket',
      '-t',
      'waf',
      '--type',
      'alb',
      '-R',
      '-R',
    );
    expect(parsed).toMatchObject({ bucket: 'second-bucket', type: 'alb', remove: true });
  });
  it('a value starting with - is taken as an option', () => {
    expect(usageError('--bucket', '-x')).toBe('argument -b/--bucket: expected one argument');
    expect(usageError('-b', 'my-bucket', '--aws_account_alias', '-alias')).toBe(
      'argument -n/--aws_account_alias: expected one argument',
    );
    expect(parse('-b', 'my-bucket', '--aws_account_alias=-alias').accountAlias).toBe('-alias');
    expect(usageError('--bucket=-x')).toBe("argument -b/--bucket: '-x' isn't a valid bucket name.");
  });
  it('negative numbers are values', () => {
    expect(parse('-b', 'my-bucket', '--debug', '-1')).toMatchObject({ debugLevel: 0, debugText: '-1' });
  });
  it('reports a missing value', () => {
    expect(usageError('--bucket')).toBe('argument -b/--bucket: expected one argument');
    expect(usageError('-b', 'my-bucket', '--regions')).toBe('argument -r/--regions: expected one argument');
    expect(usageError('-sb', 'buckets', '--queue', '--debug', '1')).toBe(
      'argument -q/--queue: expected one argument',
    );
  });
  it('reports unknown arguments', () => {
    expect(usageError('-b', 'my-bucket', '--bogus', 'x')).toBe('unrecognized arguments: --bogus x');
    expect(usageError('-b', 'my-bucket', 'stray')).toBe('unrecognized arguments: stray');
    expect(usageError('-b', 'my-bucket', '--queue', 'bad', 'queue!')).toBe('unrecognized arguments: queue!');
  });
  it('requires exactly one mode', () => {
    const missing = 'one of the arguments -b/--bucket -sr/--service -sb/--subscriber is required';
    expect(usageError()).toBe(missing);
    expect(usageError('--type', 'cloudtrail')).toBe(missing);
    expect(usageError('--bucket', 'my-bucket', '--service', 'inspector')).toBe(
      'argument -sr/--service: not allowed with argument -b/--bucket',
    );
    expect(usageError('-sr', 'inspector', '-b', 'my-bucket')).toBe(
      'argument -b/--bucket: not allowed with argument -sr/--service',
    );
    expect(usageError('-sb', 'buckets', '--service', '')).toBe(
      'argument -sr/--service: not allowed with argument -sb/--subscriber',
    );
  });
  it('prefixes validator messages with the option names', () => {
    expect(usageError('-b', 'my-bucket', '-c', '12345')).toBe(
      "argument -c/--aws_account_id: Not valid AWS account ID (numeric digits only): '12345'.",
    );
    expect(usageError('-b', 'my-bucket', '-s', '2024-FEB-30')).toBe(
      "argument -s/--only_logs_after: Argument not a valid date in format YYYY-MMM-DD: '2024-FEB-30'.",
    );
    expect(usageError('-b', 'my-bucket', '-r', 'us-east-1,,us-west-1')).toBe(
      "argument -r/--regions: WARNING: The region '' has not a valid format.'",
    );
    expect(usageError('-b', 'my-bucket', '-i', ARN, '-rd', '899')).toBe(
      'argument -rd/--iam_role_duration: Invalid session duration specified. Value must be between 900 and 3600.',
    );
    expect(usageError('-b', 'my-bucket', '-g', 'a#b')).toMatch(
      /^argument -g\/--aws_log_groups: 'a#b' has an invalid/,
    );
    expect(usageError('-b', 'my-bucket', '-L', 'a{b')).toMatch(
      /^argument -L\/--trail_suffix: 'a\{b' has an invalid/,
    );
    expect(usageError('-b', 'ab')).toBe("argument -b/--bucket: 'ab' isn't a valid bucket name.");
  });
  it('accepts the tricky values of §4 that are valid', () => {
    expect(parse('-b', 'my-bucket', '-s', '2024-jan-5').onlyLogsAfter).toBe('20240105');
    expect(parse('-b', 'my-bucket', '-s', '2024-JAN- 5').onlyLogsAfter).toBe('20240105');
    expect(parse('-b', 'my-bucket', '-r', 'us-east-1, us-west-1').regions).toEqual([
      'us-east-1',
      'us-west-1',
    ]);
    expect(parse('-b', 'my-bucket', '-c', '١٢٣٤٥٦٧٨٩٠١٢').accountIds).toEqual(['١٢٣٤٥٦٧٨٩٠١٢']);
  });
  it('-h / --help throw the help text with exit 0, wherever they appear', () => {
    for (const args of [['-h'], ['--help'], ['-b', 'my-bucket', '--he'], ['-h', '--bogus']]) {
      const error = thrown(() => parse(...args));
      expect(error).toBeInstanceOf(CliHelpRequested);
      expect((error as CliHelpRequested).exitCode).toBe(0);
      expect((error as CliHelpRequested).text).toMatch(/^usage: aws-s3 \[options\]\n/);
    }
  });
});

describe('post-parse checks (exit 1, `Unknown error: …`)', () => {
  it('--iam_role_duration needs --iam_role_arn', () => {
    const error = thrown(() => parse('-b', 'my-bucket', '-rd', '900'));
    expect(error).toBeInstanceOf(WazuhAwsError);
    expect(error).not.toBeInstanceOf(CliUsageError);
    expect(error).toMatchObject({
      exitCode: EXIT.UNKNOWN,
      report: true,
      message: 'Unknown error: Used --iam_role_duration argument but no --iam_role_arn provided.',
    });
  });
  it.each([
    ['abc', "'abc'"],
    ['1.5', "'1.5'"],
    ["it's", `"it's"`],
    ['', "''"],
  ])('--debug %j is not an integer', (value, repr) => {
    expect(thrown(() => parse('-b', 'my-bucket', '--debug', value))).toMatchObject({
      exitCode: 1,
      message: `Unknown error: invalid literal for int() with base 10: ${repr}`,
    });
  });
  it('checks the role duration before the debug value', () => {
    expect(thrown(() => parse('-b', 'my-bucket', '-rd', '900', '-d', 'x'))).toMatchObject({
      message: 'Unknown error: Used --iam_role_duration argument but no --iam_role_arn provided.',
    });
  });
  it.each([
    ['0', 0],
    ['1', 1],
    ['3', 3],
    ['9', 3],
    [' 2 ', 2],
    ['+2', 2],
    ['-5', 0],
  ])('--debug %j → level %d, text kept as given', (value, level) => {
    expect(parse('-b', 'my-bucket', `--debug=${value}`)).toMatchObject({
      debugLevel: level,
      debugText: value,
    });
  });
});

describe('extra options (ours, long form only)', () => {
  it('parses them', () => {
    const parsed = parse(
      '-b',
      'my-bucket',
      '--wazuh-path',
      '/opt/wazuh',
      '--output',
      'jsonl:/tmp/out.jsonl',
      '--concurrency',
      '8',
      '--summary',
    );
    expect(parsed).toMatchObject({
      wazuhPath: '/opt/wazuh',
      output: { kind: 'jsonl', path: '/tmp/out.jsonl' },
      concurrency: 8,
      summary: true,
    });
    expect(parse('-b', 'my-bucket', '--output=stdout').output).toEqual({ kind: 'stdout' });
  });
  it('--wazuh-path overrides WAZUH_PATH, which is the default', () => {
    const argv = ['node', SCRIPT, '-b', 'my-bucket'];
    expect(parseArguments(argv, { WAZUH_PATH: '/env/wazuh' }).wazuhPath).toBe('/env/wazuh');
    expect(
      parseArguments([...argv, '--wazuh-path', '/cli/wazuh'], { WAZUH_PATH: '/env/wazuh' }).wazuhPath,
    ).toBe('/cli/wazuh');
    expect(parseArguments(argv, { WAZUH_PATH: '' }).wazuhPath).toBeUndefined();
  });
  it('rejects bad values with exit 2', () => {
    expect(usageError('-b', 'my-bucket', '--concurrency', '0')).toBe(
      "argument --concurrency: invalid concurrency '0': must be an integer from 1 to 256",
    );
    expect(usageError('-b', 'my-bucket', '--output', 'file')).toBe(
      "argument --output: invalid output 'file': use 'wazuh', 'stdout' or 'jsonl:<file>'",
    );
    expect(usageError('-b', 'my-bucket', '--wazuh-path', '')).toBe(
      'argument --wazuh-path: the Wazuh path must not be empty',
    );
    expect(usageError('-b', 'my-bucket', '--summary=yes')).toBe(
      "argument --summary: ignored explicit argument 'yes'",
    );
  });
});

describe('program name', () => {
  it('is the basename of argv[1]; aws-s3 when run through node or without argv[1]', () => {
    expect(programName(['node', '/var/ossec/wodles/aws/aws-s3'])).toBe('aws-s3');
    expect(programName(['node', 'dist/cli.js'])).toBe('aws-s3');
    expect(programName(['node', '/usr/bin/wazuh-aws'])).toBe('wazuh-aws');
    expect(programName(['node'])).toBe('aws-s3');
    const error = thrown(() =>
      parseArguments(['node', 'wodles/aws/wazuh-aws', '--bogus'], {}),
    ) as CliUsageError;
    expect(error.stderr).toEqual([
      'usage: wazuh-aws [options]',
      'wazuh-aws: error: one of the arguments -b/--bucket -sr/--service -sb/--subscriber is required',
    ]);
  });
});

// corpus scenario cli-argument-errors: each command line exits 2 with the reference's message
// (the usage line without the doubled `usage:`, decision L3).
describe('corpus: cli-argument-errors', () => {
  const ROWS: [string[], string][] = [
    [
      ['--bucket', 'acme-cloudtrail', '--regions', 'us_east_1'],
      "argument -r/--regions: WARNING: The region 'us_east_1' has not a valid format.'",
    ],
    [
      ['--bucket', 'acme-cloudtrail', '--only_logs_after', '2025-03-09'],
      "argument -s/--only_logs_after: Argument not a valid date in format YYYY-MMM-DD: '2025-03-09'.",
    ],
    [
      ['--bucket', 'acme-cloudtrail', '--aws_account_id', '12345'],
      "argument -c/--aws_account_id: Not valid AWS account ID (numeric digits only): '12345'.",
    ],
    [['--bucket', 'Bad_Bucket_Name'], "argument -b/--bucket: 'Bad_Bucket_Name' isn't a valid bucket name."],
    [['--type', 'cloudtrail'], 'one of the arguments -b/--bucket -sr/--service -sb/--subscriber is required'],
    [
      ['--bucket', 'acme-cloudtrail', '--service', 'cloudwatchlogs'],
      'argument -sr/--service: not allowed with argument -b/--bucket',
    ],
    [
      ['--bucket', 'acme-cloudtrail', '--iam_role_arn', 'not-an-arn'],
      'argument -i/--iam_role_arn: Invalid ARN Role specified. Value must be a valid ARN Role.',
    ],
    [
      [
        '--bucket',
        'acme-cloudtrail',
        '--iam_role_arn',
        'arn:aws:iam::123456789012:role/wazuh-log-reader',
        '--iam_role_duration',
        '100',
      ],
      'argument -rd/--iam_role_duration: Invalid session duration specified. Value must be between 900 and 3600.',
    ],
    [
      ['--bucket', 'acme-cloudtrail', '--trail_prefix', 'bad#prefix'],
      "argument -l/--trail_prefix: 'bad#prefix' has an invalid character. Avoid to use '\\{}^%`[]'\"<>~#|' or '&apos;&quot;&amp;&lt;&gt;&#13;&#10;'.",
    ],
    [
      ['--subscriber', 'buckets', '--queue', 'bad queue!'],
      'argument -q/--queue: Invalid SQS Name specified. Value must be up to 80 characters and the valid values are alphanumeric characters, hyphens (-), and underscores (_)',
    ],
  ];
  it.each(ROWS)('%j exits 2', (args, message) => {
    const error = thrown(() => parseArguments(['python3', 'aws_s3.py', ...args], {})) as CliUsageError;
    expect(error).toBeInstanceOf(CliUsageError);
    expect(error.exitCode).toBe(2);
    expect(error.stderr).toEqual(['usage: aws_s3.py [options]', `aws_s3.py: error: ${message}`]);
  });
});

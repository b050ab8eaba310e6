import { describe, expect, it } from 'vitest';
import { parseArguments } from '../src/cli/args.js';
import type { CliHelpRequested } from '../src/cli/errors.js';
import { renderHelp } from '../src/cli/help.js';
import { argsDebugText, redactArgv } from '../src/cli/redact.js';
import { BUCKET_TYPES, SERVICE_TYPES, SUBSCRIBER_TYPES } from '../src/cli/targets.js';

describe('help', () => {
  const help = renderHelp('aws-s3');

  it('is what -h prints', () => {
    try {
      parseArguments(['node', 'aws-s3', '-h'], {});
      expect.unreachable();
    } catch (error) {
      expect((error as CliHelpRequested).text).toBe(help);
    }
  });
  it('has the mode groups and every option', () => {
    for (const title of [
      'Bucket mode:',
      'Service mode:',
      'Subscriber mode:',
      'Common options:',
      'Output and run options:',
    ]) {
      expect(help).toContain(`\n${title}\n`);
    }
    for (const flag of [
      '--bucket',
      '--type',
      '--trail_prefix',
      '--trail_suffix',
      '--aws_organization_id',
      '--aws_account_id',
    ]) {
      expect(help).toContain(flag);
    }
    for (const flag of [
      '--remove',
      '--service',
      '--aws_log_groups',
      '--remove-log-streams',
      '--subscriber',
      '--queue',
    ]) {
      expect(help).toContain(flag);
    }
    for (const flag of [
      '--external_id',
      '--regions',
      '--only_logs_after',
      '--reparse',
      '--skip_on_error',
      '--aws_profile',
    ]) {
      expect(help).toContain(flag);
    }
    for (const flag of [
      '--iam_role_arn',
      '--iam_role_duration',
      '--aws_account_alias',
      '--discard-field',
      '--discard-regex',
    ]) {
      expect(help).toContain(flag);
    }
    for (const flag of [
      '--sts_endpoint',
      '--service_endpoint',
      '--access_key',
      '--secret_key',
      '--debug',
      '--help',
    ]) {
      expect(help).toContain(flag);
    }
    for (const flag of ['--wazuh-path', '--output', '--concurrency', '--summary'])
      expect(help).toContain(flag);
  });
  it('describes --skip_on_error the right way round (L16)', () => {
    expect(help).toMatch(/--skip_on_error\s+skip files that cannot be decompressed or parsed and go on/);
  });
  it('has an example per bucket type, service and subscriber', () => {
    for (const type of BUCKET_TYPES)
      expect(help).toMatch(new RegExp(`aws-s3 --bucket \\S+ --type ${type}\\b`));
    for (const service of SERVICE_TYPES) expect(help).toContain(`aws-s3 --service ${service}`);
    for (const subscriber of SUBSCRIBER_TYPES)
      expect(help).toContain(`aws-s3 --subscriber ${subscriber} --queue`);
  });
  it('has the exit-code table 0..23', () => {
    const table = help.slice(help.indexOf('Exit codes:'));
    for (let code = 0; code <= 23; code++) expect(table).toMatch(new RegExp(`\\n\\s*${code}  \\S`));
    expect(table).toMatch(/22 {2}invalid or unsupported region/);
  });
  it('every example command parses', () => {
    const examples = help
      .slice(help.indexOf('Examples:'), help.indexOf('Exit codes:'))
      .replace(/\\\n\s*/g, '')
      .split('\n')
      .filter((l) => l.includes('aws-s3 '));
    // One per bucket type, service and subscriber, plus the run without Wazuh.
    expect(examples.length).toBe(BUCKET_TYPES.length + SERVICE_TYPES.length + SUBSCRIBER_TYPES.length + 1);
    for (const line of examples) {
      const args = line
        .slice(line.indexOf('aws-s3 ') + 7)
        .split(/\s+/)
        .filter(Boolean);
      expect(() => parseArguments(['node', 'aws-s3', ...args], {})).not.toThrow();
    }
  });
});

describe('redactArgv', () => {
  it.each([
    [
      ['--access_key', 'AKID1234', '--secret_key', 'sk'],
      ['--access_key', '***', '--secret_key', '***'],
    ],
    [
      ['--access_key=AKID1234', '--secret=sk'],
      ['--access_key=***', '--secret=***'],
    ],
    [
      ['-a', 'AKID', '-k', 'SK', '-x', 'EXT'],
      ['-a', '***', '-k', '***', '-x', '***'],
    ],
    [
      ['-aAKID', '-k=SK', '-xEXT'],
      ['-a***', '-k=***', '-x***'],
    ],
    [
      ['--external_id', 'ext', '--ext=e2', '--acc', 'k'],
      ['--external_id', '***', '--ext=***', '--acc', '***'],
    ],
    [
      ['-b', 'my-bucket', '--aws_account_alias', 'alias'],
      ['-b', 'my-bucket', '--aws_account_alias', 'alias'],
    ],
    [
      ['--aws_profile', 'prod', '-p', 'x'],
      ['--aws_profile', 'prod', '-p', 'x'],
    ],
  ])('%j → %j', (argv, expected) => expect(redactArgv(argv)).toEqual(expected));

  it('masks session tokens, access key ids and URL passwords anywhere', () => {
    expect(
      redactArgv([
        '--service_endpoint',
        'https://user:pw@s3.example/?X-Amz-Security-Token=FQoGZXIvYXdzE&x=1',
        '--aws_account_alias',
        'AKIAIOSFODNN7EXAMPLE',
      ]),
    ).toEqual([
      '--service_endpoint',
      'https://user:***@s3.example/?X-Amz-Security-Token=***&x=1',
      '--aws_account_alias',
      '***',
    ]);
  });

  it('does not take other short options for secret ones', () => {
    expect(redactArgv(['-df', 'field', '-dr', 'x', '-d', '2'])).toEqual([
      '-df',
      'field',
      '-dr',
      'x',
      '-d',
      '2',
    ]);
  });

  it('formats the Args: line as a Python list of the script and its arguments', () => {
    expect(argsDebugText(['node', 'wodles/aws/aws-s3', '--bucket', 'b', '--secret_key', "it's"])).toBe(
      "Args: ['wodles/aws/aws-s3', '--bucket', 'b', '--secret_key', '***']",
    );
  });
});

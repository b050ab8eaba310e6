import { describe, expect, it } from 'vitest';
import { parseConcurrency, parseOutputSpec, parseParseThreads, parseWazuhPath } from './extra-options.js';
import {
  InvalidValueError,
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

function rejects(fn: (v: string) => unknown, value: string): string {
  try {
    fn(value);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidValueError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

describe('parseBucketName', () => {
  it.each(['abc', 'my-bucket.logs', 'a'.repeat(63), '0bucket9', 'abc\n', 'a.b', 'xn-abc', 's3alias-x'])(
    'accepts %j',
    (v) => expect(parseBucketName(v)).toBe(v),
  );
  it.each([
    'ab',
    'a'.repeat(64),
    'xn--abc',
    'foo-s3alias',
    'foo--ol-s3',
    'Bad_Bucket_Name',
    '-abc',
    'abc-',
    'abc.',
    'ABC',
    '',
    'abc\n\n',
    'ab c',
  ])('rejects %j', (v) => expect(rejects(parseBucketName, v)).toBe(`'${v}' isn't a valid bucket name.`));
});

describe('parseQueueName', () => {
  const message =
    'Invalid SQS Name specified. Value must be up to 80 characters and the valid values are alphanumeric characters, hyphens (-), and underscores (_)';
  it.each(['q', 'my-queue_1', 'A'.repeat(80), 'abc\n'])('accepts %j', (v) =>
    expect(parseQueueName(v)).toBe(v),
  );
  it.each(['', 'A'.repeat(81), 'bad queue!', 'q.fifo', 'q/x', 'ñ'])('rejects %j', (v) =>
    expect(rejects(parseQueueName, v)).toBe(message),
  );
});

describe('parseAccountIds', () => {
  it.each([
    ['123456789012', ['123456789012']],
    ['123456789012,210987654321,123456789012', ['123456789012', '210987654321', '123456789012']],
    // decision L11: items are trimmed before they are checked
    ['123456789012, 210987654321', ['123456789012', '210987654321']],
    [' 123456789012 ', ['123456789012']],
    // Python's str.isdigit() admits non-ASCII digits
    ['١٢٣٤٥٦٧٨٩٠١٢', ['١٢٣٤٥٦٧٨٩٠١٢']],
  ])('accepts %j', (v, expected) => expect(parseAccountIds(v)).toEqual(expected));
  it.each([
    '12345',
    '1234567890123',
    '12345678901a',
    '',
    '123456789012,',
    '123456789012,,210987654321',
    '-12345678901',
    '12345678901 ',
  ])('rejects %j', (v) =>
    expect(rejects(parseAccountIds, v)).toBe(`Not valid AWS account ID (numeric digits only): '${v}'.`),
  );
});

describe('parseIamRoleArn', () => {
  it.each([
    'arn:aws:iam::123456789012:role/wazuh',
    'arn:::::',
    'arn:aws-us-gov:iam::1:role/a/b',
    'arn:a:b:c:d:e\n',
  ])('accepts %j', (v) => expect(parseIamRoleArn(v)).toBe(v));
  it.each(['not-an-arn', 'arn:aws:iam:123', 'ARN:aws:iam:::role/x', 'arn:a:b\n:c:d:e', 'arn:a:b:c:d:e\nf'])(
    'rejects %j',
    (v) =>
      expect(rejects(parseIamRoleArn, v)).toBe('Invalid ARN Role specified. Value must be a valid ARN Role.'),
  );
});

describe('key rule (trail prefix/suffix, log groups)', () => {
  const message = (v: string) =>
    `'${v}' has an invalid character. Avoid to use '\\{}^%\`[]'"<>~#|' or '&apos;&quot;&amp;&lt;&gt;&#13;&#10;'.`;
  it.each([
    ['', ''],
    ['logs', 'logs/'],
    ['logs/', 'logs/'],
    ['a b/c-d_e.f!(*)', 'a b/c-d_e.f!(*)/'],
  ])('parseKeyPart(%j) = %j', (v, expected) => expect(parseKeyPart(v)).toBe(expected));
  it('log groups keep the value as given', () => expect(parseLogGroupsArgument('a,b')).toBe('a,b'));
  it.each(
    [...'\\{}^%`[]\'"<>~#|', '&apos;', '&quot;', '&amp;', '&lt;', '&gt;', '&#13;', '&#10;'].map(
      (c) => `x${c}y`,
    ),
  )('rejects %j', (v) => {
    expect(rejects(parseKeyPart, v)).toBe(message(v));
    expect(rejects(parseLogGroupsArgument, v)).toBe(message(v));
  });
  it('prints the forbidden list exactly like the reference', () =>
    expect(rejects(parseKeyPart, 'bad#prefix')).toBe(
      "'bad#prefix' has an invalid character. Avoid to use '\\{}^%`[]'\"<>~#|' or '&apos;&quot;&amp;&lt;&gt;&#13;&#10;'.",
    ));
});

describe('parseOnlyLogsAfter', () => {
  it.each([
    ['2024-JAN-31', '20240131'],
    ['2024-jan-5', '20240105'],
    ['2024-Feb-29', '20240229'],
    ['2024-JAN- 5', '20240105'],
    ['2024-dec-09', '20241209'],
    ['2000-FEB-29', '20000229'],
    ['0999-JAN-01', '9990101'], // quirk L27: no zero padding below year 1000
  ])('%j → %j', (v, expected) => expect(parseOnlyLogsAfter(v)).toBe(expected));
  it.each([
    '2024-FEB-30',
    '2023-FEB-29',
    '1900-FEB-29',
    '2024-JAN-32',
    '2024-JAN-00',
    '2024-JANUARY-01',
    '2024-SEPT-01',
    '2025-03-09',
    ' 2024-JAN-01',
    '2024-JAN-01 ',
    '24-JAN-01',
    '0000-JAN-01',
    '2024-JAN-001',
    '2024-JAN-',
    '',
  ])('rejects %j', (v) =>
    expect(rejects(parseOnlyLogsAfter, v)).toBe(`Argument not a valid date in format YYYY-MMM-DD: '${v}'.`),
  );
});

describe('parseRegions', () => {
  it.each([
    ['', []],
    ['us-east-1', ['us-east-1']],
    ['us-west-2,us-east-1,us-west-2', ['us-east-1', 'us-west-2']],
    // decision L10: items are trimmed before the format check
    ['us-east-1, us-west-1', ['us-east-1', 'us-west-1']],
    ['us-gov-west-1,cn-north-1', ['cn-north-1', 'us-gov-west-1']],
    ['xx-nowhere-9', ['xx-nowhere-9']],
  ])('%j → %j', (v, expected) => expect(parseRegions(v)).toEqual(expected));
  it.each([
    ['us_east_1', 'us_east_1'],
    ['us-east-1,,us-west-1', ''],
    ['us-east-1,', ''],
    ['us-east-1, ', ' '],
    ['US-EAST-1', 'US-EAST-1'],
    ['us-east-10', 'us-east-10'],
    ['useast-1', 'useast-1'],
    ['us-east-1,eu-west', 'eu-west'],
  ])('rejects %j (piece %j)', (v, piece) =>
    expect(rejects(parseRegions, v)).toBe(`WARNING: The region '${piece}' has not a valid format.'`),
  );
});

describe('parseIamRoleDuration', () => {
  it.each([
    ['900', 900],
    ['0900', 900],
    ['3600', 3600],
    ['1800', 1800],
  ])('%j → %d', (v, expected) => expect(parseIamRoleDuration(v)).toBe(expected));
  it.each(['899', '3601', '0', '43200'])('rejects %j as out of range', (v) =>
    expect(rejects(parseIamRoleDuration, v)).toBe(
      'Invalid session duration specified. Value must be between 900 and 3600.',
    ),
  );
  it.each(['', '-900', '+900', ' 900', '900s', '9e2', '1.5'])('rejects %j as not a number', (v) =>
    expect(rejects(parseIamRoleDuration, v)).toBe(
      'Invalid session duration specified. Value must be a valid number.',
    ),
  );
});

describe('extra options', () => {
  it.each([
    ['wazuh', { kind: 'wazuh' }],
    ['stdout', { kind: 'stdout' }],
    ['jsonl:/tmp/events.jsonl', { kind: 'jsonl', path: '/tmp/events.jsonl' }],
    ['jsonl:rel:with:colons', { kind: 'jsonl', path: 'rel:with:colons' }],
  ])('parseOutputSpec(%j)', (v, expected) => expect(parseOutputSpec(v)).toEqual(expected));
  it.each(['', 'jsonl:', 'jsonl', 'file:/x', 'WAZUH'])('parseOutputSpec rejects %j', (v) =>
    expect(rejects(parseOutputSpec, v)).toContain(`invalid output '${v}'`),
  );
  it.each([
    ['1', 1],
    ['4', 4],
    ['256', 256],
    ['016', 16],
  ])('parseConcurrency(%j) = %d', (v, n) => expect(parseConcurrency(v)).toBe(n));
  it.each(['0', '-1', '257', '', '1.5', 'four', ' 4'])('parseConcurrency rejects %j', (v) =>
    expect(rejects(parseConcurrency, v)).toContain(`invalid concurrency '${v}'`),
  );
  it.each([
    ['0', 0],
    ['2', 2],
    ['16', 16],
  ])('parseParseThreads(%j) = %d', (v, n) => expect(parseParseThreads(v)).toBe(n));
  it.each(['-1', '17', '', '1.5', 'two'])('parseParseThreads rejects %j', (v) =>
    expect(rejects(parseParseThreads, v)).toContain(`invalid parse-threads '${v}'`),
  );
  it('parseWazuhPath', () => {
    expect(parseWazuhPath('/var/ossec')).toBe('/var/ossec');
    expect(rejects(parseWazuhPath, '  ')).toBe('the Wazuh path must not be empty');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { type FakeAws, startFakeAws } from '@wazuh-aws/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsClientFactory, DEPRECATED_KEYS_NOTICE } from '../src/aws/index.js';
import { createLineLogger } from '../src/index.js';

let fake: FakeAws;
let home: string;
const saved = { ...process.env };

function recorder() {
  const lines: string[] = [];
  const logger = createLineLogger({ level: 2, write: (line) => lines.push(line.trimEnd()) });
  return { logger, lines };
}

function writeAwsFiles(config: string | undefined, credentials: string) {
  if (config !== undefined) writeFileSync(join(home, 'config'), config);
  else rmSync(join(home, 'config'), { force: true });
  writeFileSync(join(home, 'credentials'), credentials);
}

beforeAll(async () => {
  fake = await startFakeAws();
  fake.s3.putObject('trail', 'AWSLogs/x', 'data');
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'aws-factory-'));
  process.env = {
    ...saved,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_ENDPOINT_URL: fake.url,
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  delete process.env.AWS_ACCESS_KEY_ID;
  delete process.env.AWS_SECRET_ACCESS_KEY;
  delete process.env.AWS_PROFILE;
  writeAwsFiles(
    undefined,
    '[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = secretdefault\n',
  );
  fake.clearRequests();
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  process.env = { ...saved };
});

describe('profile settings (core.md §4.1-4.8)', () => {
  it('reads region, retries and the nested s3 addressing style of a [profile NAME] section (L12, C3)', async () => {
    writeAwsFiles(
      '[profile dev]\nregion = eu-west-1\nmax_attempts = 3\nretry_mode = adaptive\ns3 =\n  addressing_style = path\n',
      '[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = secretdev\n',
    );
    const { logger, lines } = recorder();
    const aws = await createAwsClientFactory({ profile: 'dev', logger });
    expect(aws.profileRegion).toBe('eu-west-1');
    const s3 = await aws.create(S3Client, { service: 's3' });
    expect(await s3.config.region()).toBe('eu-west-1');
    expect(s3.config.forcePathStyle).toBe(true);
    expect(await s3.config.maxAttempts()).toBe(3);
    expect(lines).toContain("DEBUG: +++ Region 'eu-west-1' added to the configuration");
  });

  it('a region given by the mode wins over the profile region (C1)', async () => {
    writeAwsFiles(
      '[default]\nregion = eu-west-1\n',
      '[default]\naws_access_key_id = A1\naws_secret_access_key = s1\n',
    );
    const aws = await createAwsClientFactory({ logger: recorder().logger });
    const s3 = await aws.create(S3Client, { service: 's3', region: 'ap-south-1' });
    expect(await s3.config.region()).toBe('ap-south-1');
  });

  it('an unknown profile is exit 23; a profile only in the credentials file works (C5)', async () => {
    writeAwsFiles(
      '[default]\nregion = us-east-1\n',
      '[onlycreds]\naws_access_key_id = A2\naws_secret_access_key = s2\n',
    );
    await expect(
      createAwsClientFactory({ profile: 'missing', logger: recorder().logger }),
    ).rejects.toMatchObject({
      exitCode: 23,
      message: "No profile named: 'missing' was found in the user config file",
    });
    const aws = await createAwsClientFactory({ profile: 'onlycreds', logger: recorder().logger });
    const s3 = await aws.create(S3Client, { service: 's3' });
    await expect(s3.send(new ListObjectsV2Command({ Bucket: 'trail' }))).resolves.toBeDefined();
  });

  it.each([
    ['max_attempts = ten', /max_attempts/],
    ['retry_mode = fast', /retry_mode/],
  ])('an invalid "%s" is exit 17 with the detail (C2, C6, C34)', async (line, detail) => {
    writeAwsFiles(`[default]\n${line}\n`, '[default]\naws_access_key_id = A\naws_secret_access_key = s\n');
    const error = await createAwsClientFactory({ logger: recorder().logger }).catch((e) => e);
    expect(error).toMatchObject({ exitCode: 17 });
    expect(error.message).toMatch(/^Invalid key or value found in config/);
    expect(error.message).toMatch(detail);
  });
});

describe('credentials (core.md §4.9-4.14)', () => {
  it('static keys print the deprecation notice and are used', async () => {
    const { logger, lines } = recorder();
    const aws = await createAwsClientFactory({ accessKey: 'AKIASTATIC', secretKey: 'staticsecret', logger });
    expect(lines).toContain(DEPRECATED_KEYS_NOTICE);
    const s3 = await aws.create(S3Client, { service: 's3' });
    expect((await s3.config.credentials()).accessKeyId).toBe('AKIASTATIC');
  });

  it('one static key alone is exit 3 (C9)', async () => {
    await expect(
      createAwsClientFactory({ accessKey: 'AKIAONLY', logger: recorder().logger }),
    ).rejects.toMatchObject({
      exitCode: 3,
    });
  });

  it('assumes the role with the session name, external id and duration, through --sts_endpoint', async () => {
    const aws = await createAwsClientFactory({
      iamRoleArn: 'arn:aws:iam::123456789012:role/wazuh',
      externalId: 'ext-123',
      iamRoleDuration: 900,
      stsEndpoint: fake.url,
      logger: recorder().logger,
    });
    const s3 = await aws.create(S3Client, { service: 's3' });
    await s3.send(new ListObjectsV2Command({ Bucket: 'trail' }));
    const [call] = fake.requestsOf('AssumeRole');
    expect(call?.params).toMatchObject({
      RoleArn: 'arn:aws:iam::123456789012:role/wazuh',
      RoleSessionName: 'WazuhLogParsing',
      ExternalId: 'ext-123',
      DurationSeconds: '900',
    });
    expect((await s3.config.credentials()).sessionToken).toBeTruthy();
  });

  it('an AssumeRole refusal is exit 3 with the reference text', async () => {
    fake.faults.add({ op: 'AssumeRole', kind: 'status', status: 403, code: 'AccessDenied', times: 20 });
    const aws = await createAwsClientFactory({
      iamRoleArn: 'arn:aws:iam::123456789012:role/wazuh',
      logger: recorder().logger,
    });
    const error = await aws.create(S3Client, { service: 's3' }).catch((e) => e);
    expect(error).toMatchObject({ exitCode: 3 });
    expect(error.message).toMatch(
      /^Access error: An error occurred \(AccessDenied\) when calling the AssumeRole operation/,
    );
  });

  it('reads the account id of the base credentials (C8)', async () => {
    fake.setCallerAccount('210987654321');
    const aws = await createAwsClientFactory({ logger: recorder().logger });
    await expect(aws.callerAccountId()).resolves.toBe('210987654321');
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DescribeFlowLogsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeAws, FakeAwsError, startFakeAws } from './index.js';

const credentials = { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret' };
let aws: FakeAws;
let s3: S3Client;
let tmp: string;

beforeAll(async () => {
  aws = await startFakeAws({ flowLogs: { 'us-east-1': ['fl-1', 'fl-2', 'fl-3'] }, flowLogsPageSize: 2 });
  s3 = new S3Client({
    endpoint: aws.url,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials,
    maxAttempts: 3,
  });
  tmp = await mkdtemp(join(tmpdir(), 'fake-aws-'));
});
afterAll(async () => {
  s3.destroy();
  await aws.close();
  await rm(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  aws.faults.clear();
  aws.clearRequests();
});

async function listAll(input: {
  Bucket: string;
  Prefix?: string;
  StartAfter?: string;
  MaxKeys?: number;
  Delimiter?: string;
}) {
  const pages: ListObjectsV2CommandOutput[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ ...input, ContinuationToken: token }));
    pages.push(page);
    token = page.NextContinuationToken;
  } while (token);
  return pages;
}

describe('fake S3', () => {
  beforeAll(() => {
    for (const key of ['b/2', 'a/1', 'a/2', 'a/sub/3', 'c', 'é/x', 'z/1'])
      aws.s3.putObject('logs', key, `body of ${key}`);
  });

  it('lists in UTF-8 byte order with StartAfter and pagination', async () => {
    const pages = await listAll({ Bucket: 'logs', StartAfter: 'a/2', MaxKeys: 2 });
    expect(pages.map((p) => p.Contents?.map((c) => c.Key))).toEqual([
      ['a/sub/3', 'b/2'],
      ['c', 'z/1'],
      ['é/x'],
    ]);
    expect(pages.map((p) => [p.KeyCount, p.IsTruncated])).toEqual([
      [2, true],
      [2, true],
      [1, false],
    ]);
    const first = pages[0]?.Contents?.[0];
    expect(first?.Size).toBe('body of a/sub/3'.length);
    expect(first?.LastModified).toBeInstanceOf(Date);
    expect(first?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('groups keys under CommonPrefixes with a delimiter, across pages', async () => {
    const pages = await listAll({ Bucket: 'logs', Delimiter: '/', MaxKeys: 1 });
    const items = pages.flatMap((p) => [
      ...(p.CommonPrefixes ?? []).map((c) => `P:${c.Prefix}`),
      ...(p.Contents ?? []).map((c) => `K:${c.Key}`),
    ]);
    expect(items).toEqual(['P:a/', 'P:b/', 'K:c', 'P:z/', 'P:é/']);
    const nested = await s3.send(new ListObjectsV2Command({ Bucket: 'logs', Prefix: 'a/', Delimiter: '/' }));
    expect(nested.Contents?.map((c) => c.Key)).toEqual(['a/1', 'a/2']);
    expect(nested.CommonPrefixes?.map((c) => c.Prefix)).toEqual(['a/sub/']);
  });

  it('puts, gets (with a range), heads and deletes objects', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'rw', Key: 'dir/ä b+c.txt', Body: 'hello world' }));
    expect(aws.s3.listKeys('rw')).toEqual(['dir/ä b+c.txt']);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'rw', Key: 'dir/ä b+c.txt' }));
    expect(await got.Body?.transformToString()).toBe('hello world');
    const ranged = await s3.send(
      new GetObjectCommand({ Bucket: 'rw', Key: 'dir/ä b+c.txt', Range: 'bytes=6-' }),
    );
    expect(await ranged.Body?.transformToString()).toBe('world');
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'rw', Key: 'dir/ä b+c.txt' }));
    expect(head.ContentLength).toBe(11);
    await s3.send(new DeleteObjectCommand({ Bucket: 'rw', Key: 'dir/ä b+c.txt' }));
    expect(aws.s3.listKeys('rw')).toEqual([]);
    aws.s3.putObject('rw', 'x', '1');
    aws.s3.putObject('rw', 'y&<z>', '2');
    const deleted = await s3.send(
      new DeleteObjectsCommand({ Bucket: 'rw', Delete: { Objects: [{ Key: 'x' }, { Key: 'y&<z>' }] } }),
    );
    expect(deleted.Deleted?.map((d) => d.Key)).toEqual(['x', 'y&<z>']);
    expect(aws.s3.listKeys('rw')).toEqual([]);
    expect(aws.requests.map((r) => r.op)).toEqual([
      'PutObject',
      'GetObject',
      'GetObject',
      'HeadObject',
      'DeleteObject',
      'DeleteObjects',
    ]);
  });

  it('decodes streamed (aws-chunked) uploads', async () => {
    const body = Buffer.alloc(70_000, 'q');
    await s3.send(
      new PutObjectCommand({
        Bucket: 'rw',
        Key: 'streamed',
        Body: Readable.from([body]),
        ContentLength: body.length,
      }),
    );
    expect(aws.s3.getObject('rw', 'streamed')?.body.equals(body)).toBe(true);
    aws.s3.deleteObject('rw', 'streamed');
  });

  it('answers NoSuchBucket and NoSuchKey like S3', async () => {
    const missingBucket = await s3
      .send(new ListObjectsV2Command({ Bucket: 'nope' }))
      .catch((e: unknown) => e);
    expect(missingBucket).toMatchObject({ name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } });
    const missingKey = await s3
      .send(new GetObjectCommand({ Bucket: 'logs', Key: 'missing' }))
      .catch((e: unknown) => e);
    expect(missingKey).toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'nope' })).catch((e: unknown) => e);
    expect(head).toMatchObject({ $metadata: { httpStatusCode: 404 } });
    await expect(s3.send(new HeadBucketCommand({ Bucket: 'logs' }))).resolves.toBeDefined();
  });

  it('injects faults the SDK retries, and faults it gives up on', async () => {
    const slowDown = aws.faults.add({
      op: 'GetObject',
      key: /^a\//,
      kind: 'status',
      code: 'SlowDown',
      times: 2,
    });
    const got = await s3.send(new GetObjectCommand({ Bucket: 'logs', Key: 'a/1' }));
    expect(await got.Body?.transformToString()).toBe('body of a/1');
    expect(slowDown.hits).toBe(2);
    expect(aws.requestsOf('GetObject').map((r) => r.status)).toEqual([503, 503, 200]);

    aws.faults.add({ op: 'ListObjectsV2', kind: 'reset' });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'logs', Prefix: 'c' }));
    expect(listed.Contents?.map((c) => c.Key)).toEqual(['c']);

    aws.faults.add({ op: 'GetObject', kind: 'status', code: 'AccessDenied' });
    const denied = await s3.send(new GetObjectCommand({ Bucket: 'logs', Key: 'c' })).catch((e: unknown) => e);
    expect(denied).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  });

  it('cuts a body short', async () => {
    aws.s3.putObject('big', 'k', Buffer.alloc(100_000, 7));
    aws.faults.add({ op: 'GetObject', kind: 'truncate', bytes: 1000 });
    const error = await s3
      .send(new GetObjectCommand({ Bucket: 'big', Key: 'k' }))
      .then((r) => r.Body?.transformToByteArray())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
  });

  it('loads a directory tree as a bucket', async () => {
    await mkdir(join(tmp, 'tree', 'AWSLogs', '123'), { recursive: true });
    await writeFile(join(tmp, 'tree', 'AWSLogs', '123', 'a.json'), '{}');
    await writeFile(join(tmp, 'tree', 'top.txt'), 'x');
    expect(await aws.s3.loadDirectory('tree', join(tmp, 'tree'), 'pre/')).toEqual([
      'pre/AWSLogs/123/a.json',
      'pre/top.txt',
    ]);
    expect(aws.s3.getObject('tree', 'pre/top.txt')?.body.toString()).toBe('x');
  });
});

describe('fake STS and EC2', () => {
  it('returns the caller identity and assumes roles', async () => {
    const sts = new STSClient({ endpoint: aws.url, region: 'us-east-1', credentials });
    aws.setCallerAccount('210987654321');
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe('210987654321');
    expect(identity.Arn).toBe('arn:aws:iam::210987654321:user/wazuh-integration');
    const role = await sts.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::111122223333:role/reader',
        RoleSessionName: 's1',
        ExternalId: 'x',
      }),
    );
    expect(role.Credentials?.AccessKeyId).toBe('ASIAFAKEASSUMEDKEY00');
    expect(role.Credentials?.Expiration).toBeInstanceOf(Date);
    expect(role.AssumedRoleUser?.Arn).toBe('arn:aws:sts::111122223333:assumed-role/reader/s1');
    expect(aws.requestsOf('AssumeRole')[0]?.params).toMatchObject({ ExternalId: 'x', RoleSessionName: 's1' });
    aws.faults.add({ op: 'GetCallerIdentity', kind: 'status', code: 'InvalidClientTokenId', status: 403 });
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
    });
    sts.destroy();
  });

  it('pages DescribeFlowLogs per region', async () => {
    const ec2 = new EC2Client({ endpoint: aws.url, region: 'us-east-1', credentials });
    const ids: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await ec2.send(new DescribeFlowLogsCommand({ NextToken: token }));
      ids.push(...(page.FlowLogs ?? []).map((f) => f.FlowLogId ?? ''));
      token = page.NextToken;
      pages++;
    } while (token);
    expect(ids).toEqual(['fl-1', 'fl-2', 'fl-3']);
    expect(pages).toBe(2);
    const filtered = await ec2.send(
      new DescribeFlowLogsCommand({ Filter: [{ Name: 'flow-log-id', Values: ['fl-2'] }] }),
    );
    expect(filtered.FlowLogs?.map((f) => f.FlowLogId)).toEqual(['fl-2']);
    const other = new EC2Client({ endpoint: aws.url, region: 'eu-west-1', credentials });
    aws.setFlowLogs('eu-west-1', [{ FlowLogId: 'fl-eu', ResourceId: 'vpc-1', LogDestinationType: 's3' }]);
    const eu = await other.send(new DescribeFlowLogsCommand({}));
    expect(eu.FlowLogs).toEqual([{ FlowLogId: 'fl-eu', ResourceId: 'vpc-1', LogDestinationType: 's3' }]);
    aws.faults.add({ op: 'DescribeFlowLogs', kind: 'status', code: 'UnauthorizedOperation', status: 403 });
    await expect(other.send(new DescribeFlowLogsCommand({}))).rejects.toMatchObject({
      name: 'UnauthorizedOperation',
    });
    ec2.destroy();
    other.destroy();
  });
});

describe('JSON services extension point', () => {
  it('serves registered X-Amz-Target operations and their errors', async () => {
    aws.registerJsonTarget('Logs_20140328', (op, input) => {
      if (op === 'DescribeLogGroups')
        return { logGroups: [{ logGroupName: String(input.logGroupNamePrefix) }] };
      throw new FakeAwsError(400, 'ResourceNotFoundException', 'The specified log group does not exist.');
    });
    const call = (op: string, body: unknown) =>
      fetch(aws.url, {
        method: 'POST',
        headers: { 'x-amz-target': `Logs_20140328.${op}`, 'content-type': 'application/x-amz-json-1.1' },
        body: JSON.stringify(body),
      });
    const ok = await call('DescribeLogGroups', { logGroupNamePrefix: 'g' });
    expect(await ok.json()).toEqual({ logGroups: [{ logGroupName: 'g' }] });
    const bad = await call('GetLogEvents', {});
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(await bad.json()).toEqual({
      __type: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
    expect(aws.requests.map((r) => [r.service, r.op, r.status])).toEqual([
      ['Logs_20140328', 'DescribeLogGroups', 200],
      ['Logs_20140328', 'GetLogEvents', 400],
    ]);
  });
});

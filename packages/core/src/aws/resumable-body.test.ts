import { randomBytes } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { type FakeAws, startFakeAws } from '@wazuh-aws/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3ObjectStore } from './object-store.js';

let aws: FakeAws;
let client: S3Client;
const body = randomBytes(300_000);

beforeAll(async () => {
  aws = await startFakeAws();
  aws.s3.createBucket('b');
  aws.s3.putObject('b', 'k', body);
  client = new S3Client({
    endpoint: aws.url,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await aws.close();
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('createS3ObjectStore: bodies cut short', () => {
  it('resumes from the byte where the connection dropped, several times', async () => {
    aws.clearRequests();
    aws.faults.add({ op: 'GetObject', kind: 'truncate', bytes: 100_000, times: 1 });
    aws.faults.add({ op: 'GetObject', kind: 'truncate', bytes: 50_000, times: 1 });
    const store = createS3ObjectStore(client);
    const read = await readAll(await store.open('b', 'k'));
    expect(read.equals(body)).toBe(true);
    expect(aws.requestsOf('GetObject')).toHaveLength(3);
  });

  it('gives up after the bounded attempts with the transfer error', async () => {
    aws.faults.add({ op: 'GetObject', kind: 'truncate', bytes: 1000, times: 100 });
    const store = createS3ObjectStore(client);
    await expect(readAll(await store.open('b', 'k'))).rejects.toThrow();
    const left = aws.faults.pending()[0]?.remaining;
    aws.faults.clear();
    // The first GET and four resumes.
    expect(100 - (left ?? 0)).toBe(5);
  });

  it('refuses to splice two versions of an object', async () => {
    aws.faults.add({ op: 'GetObject', kind: 'truncate', bytes: 10_000, times: 1 });
    const store = createS3ObjectStore(client);
    const stream = await store.open('b', 'k');
    aws.s3.putObject('b', 'k', randomBytes(300_000));
    await expect(readAll(stream)).rejects.toThrow(/object changed/);
    aws.s3.putObject('b', 'k', body);
  });
});

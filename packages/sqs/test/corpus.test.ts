import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runSubscriber } from '@wazuh-aws/core/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buckets, createSqsQueue, securityHub, securityLake } from '../src/index.js';
import { captureContext, type FakeAws, sqsClient, startFakeAws } from './harness.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

function upload(aws: FakeAws, subset: string, bucket: string) {
  const root = join(FIXTURES, 'objects', subset);
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else aws.objects.set(`${bucket}/${relative(root, path)}`, readFileSync(path));
    }
  };
  walk(root);
}

function loadQueue(aws: FakeAws, queue: string, fixture: string) {
  aws.sqs.createQueue(queue);
  for (const body of JSON.parse(
    readFileSync(join(FIXTURES, 'queues', `${fixture}.json`), 'utf8'),
  ) as string[])
    aws.sqs.send(queue, body);
}

const expected = (scenario: string) =>
  readFileSync(join(FIXTURES, scenario, 'messages.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map(
      (line) => JSON.parse((JSON.parse(line) as { msg: string }).msg.slice('1:Wazuh-AWS:'.length)) as unknown,
    );
const stateAfter = (scenario: string, queue: string) =>
  (
    JSON.parse(readFileSync(join(FIXTURES, scenario, 'state_after.json'), 'utf8')) as {
      fake: { sqs: Record<string, string[]> };
    }
  ).fake.sqs[queue];

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
  upload(aws, 'sub-buckets', 'acme-app-logs');
  upload(aws, 'sub-securityhub', 'acme-securityhub');
  upload(aws, 'sub-security-lake', 'aws-security-data-lake-us-east-1-q8kmzxwq');
});
afterAll(async () => aws.close());

describe('corpus scenarios', () => {
  it('sub-buckets: every format, the test event deleted', async () => {
    loadQueue(aws, 'wazuh-s3-notifications', 'sqs-wazuh-s3-notifications');
    const { ctx, sent } = captureContext(aws.url);
    const summary = await runSubscriber(ctx, buckets, {
      queue: createSqsQueue(sqsClient(aws.url), 'wazuh-s3-notifications'),
    });
    // The corpus file repeats three text events (access log lines 3–4, "Sin incidencias") that
    // neither the object nor any decision produces (the Python run sent them once); compare
    // against the distinct messages, in order.
    const want = [...new Map(expected('sub-buckets').map((m) => [JSON.stringify(m), m])).values()];
    const got = sent.map((s) => JSON.parse(s));
    expect(got).toEqual(want);
    expect(aws.sqs.bodies('wazuh-s3-notifications')).toEqual(
      stateAfter('sub-buckets', 'wazuh-s3-notifications'),
    );
    expect(summary.deleted).toBe(8);
  });

  it('sub-buckets-bad-body: the valid message is handled, the bad body stays, exit 12', async () => {
    loadQueue(aws, 'wazuh-s3-notifications-bad-body', 'sqs-wazuh-s3-notifications-bad-body');
    const { ctx, sent, lines } = captureContext(aws.url);
    const run = runSubscriber(ctx, buckets, {
      queue: createSqsQueue(sqsClient(aws.url), 'wazuh-s3-notifications-bad-body'),
    });
    await expect(run).rejects.toMatchObject({ exitCode: 12 });
    expect(sent.map((s) => JSON.parse(s))).toEqual(expected('sub-buckets-bad-body'));
    expect(aws.sqs.bodies('wazuh-s3-notifications-bad-body')).toEqual(
      stateAfter('sub-buckets-bad-body', 'wazuh-s3-notifications-bad-body'),
    );
    expect(lines.filter((l) => l.startsWith('ERROR:'))).toHaveLength(1);
  });

  it('sub-security-hub: one message per finding', async () => {
    loadQueue(aws, 'wazuh-securityhub', 'sqs-wazuh-securityhub');
    const { ctx, sent } = captureContext(aws.url);
    await runSubscriber(ctx, securityHub, { queue: createSqsQueue(sqsClient(aws.url), 'wazuh-securityhub') });
    expect(sent.map((s) => JSON.parse(s))).toEqual(expected('sub-security-hub'));
    expect(aws.sqs.bodies('wazuh-securityhub')).toEqual([]);
  });

  it('sub-security-lake: every Parquet row as its JSON text', async () => {
    loadQueue(aws, 'wazuh-security-lake', 'sqs-wazuh-security-lake');
    const { ctx, sent } = captureContext(aws.url);
    await runSubscriber(ctx, securityLake, {
      queue: createSqsQueue(sqsClient(aws.url), 'wazuh-security-lake'),
    });
    expect(sent.map((s) => JSON.parse(s))).toEqual(expected('sub-security-lake'));
    expect(aws.sqs.bodies('wazuh-security-lake')).toEqual([]);
  });
});

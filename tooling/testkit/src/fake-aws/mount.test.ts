import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeInspector } from './inspector.js';
import { createFakeLogs } from './logs.js';
import { type FakeAws, startFakeAws } from './server.js';
import { createFakeSqs } from './sqs.js';

const logs = createFakeLogs();
const inspector = createFakeInspector();
const sqs = createFakeSqs({ maxWaitMs: 0 });
let aws: FakeAws;
let s3Only: FakeAws;

beforeAll(async () => {
  aws = await startFakeAws({ logs, inspector, sqs });
  s3Only = await startFakeAws({ s3Only: true, s3Store: aws.s3 });
});
afterAll(async () => {
  await s3Only.close();
  await aws.close();
});

const target = (name: string, body: unknown, contentType = 'application/x-amz-json-1.1') =>
  fetch(aws.url, {
    method: 'POST',
    headers: { 'x-amz-target': name, 'content-type': contentType },
    body: JSON.stringify(body),
  });

describe('startFakeAws mounts the service fakes on one endpoint', () => {
  it('serves CloudWatch Logs, and snapshot() shows what is left', async () => {
    logs.load({ 'us-east-1': { g: { s: [{ timestamp: 1, message: 'm' }] } } });
    const res = await target('Logs_20140328.DescribeLogStreams', { logGroupName: 'g' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { logStreams: unknown[] }).logStreams).toHaveLength(1);
    expect(logs.snapshot()).toEqual({ 'us-east-1': { g: { s: 1 } } });
  });

  it('serves SQS with its own error shape and queue URLs on this server', async () => {
    sqs.createQueue('q');
    const ok = await target('AmazonSQS.GetQueueUrl', { QueueName: 'q' }, 'application/x-amz-json-1.0');
    expect(await ok.json()).toEqual({ QueueUrl: `${aws.url}/123456789012/q` });
    const missing = await target(
      'AmazonSQS.GetQueueUrl',
      { QueueName: 'nope' },
      'application/x-amz-json-1.0',
    );
    expect(missing.status).toBe(400);
    expect(missing.headers.get('x-amzn-query-error')).toMatch(/QueueDoesNotExist/);
    expect(((await missing.json()) as { __type: string }).__type).toBe('com.amazonaws.sqs#QueueDoesNotExist');
    expect(sqs.queueNames()).toEqual(['q']);
  });

  it('serves Inspector2 ListFindings', async () => {
    inspector.loadV2({ 'us-east-1': [{ findingArn: 'f1', updatedAt: 1741500000 }] });
    const res = await fetch(`${aws.url}/findings/list`, { method: 'POST', body: '{}' });
    expect(((await res.json()) as { findings: unknown[] }).findings).toHaveLength(1);
  });

  it('shares buckets with an S3-only endpoint and lets a listener see each request first', async () => {
    aws.s3.putObject('b', 'k', 'body');
    const seen: string[] = [];
    const remove = aws.onRequest(({ op }) => {
      seen.push(op);
    });
    await target('Logs_20140328.DescribeLogGroups', {});
    remove();
    await target('Logs_20140328.DescribeLogGroups', {});
    expect(seen).toEqual(['DescribeLogGroups']);
    const res = await fetch(`${s3Only.url}/b/k`);
    expect(await res.text()).toBe('body');
  });
});

import { runSubscriber } from '@wazuh-aws/core/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buckets, createSqsQueue, securityHub } from '../src/index.js';
import { captureContext, type FakeAws, sqsClient, startFakeAws } from './harness.js';

const notification = (bucket: string, key: string, eventName = 'ObjectCreated:Put') =>
  JSON.stringify({ Records: [{ eventName, s3: { bucket: { name: bucket }, object: { key } } }] });

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => aws.close());

describe('runSubscriber', () => {
  it('keeps a malformed body and a missing object queued while the others are handled', async () => {
    aws.sqs.createQueue('q-fail');
    aws.objects.set('b/one.json', Buffer.from('{"n":1}{"n":2}'));
    aws.objects.set('b/two words.log', Buffer.from('line a\nline b\n'));
    aws.sqs.send('q-fail', notification('b', 'one.json'));
    aws.sqs.send('q-fail', 'not json at all');
    aws.sqs.send('q-fail', notification('b', 'missing.json'));
    aws.sqs.send('q-fail', notification('b', 'two+words.log'));
    const { ctx, sent, lines } = captureContext(aws.url, { concurrency: 3 });
    await expect(
      runSubscriber(ctx, buckets, { queue: createSqsQueue(sqsClient(aws.url), 'q-fail') }),
    ).rejects.toMatchObject({ exitCode: 12 });
    expect(sent.map((s) => JSON.parse(s).aws.n ?? JSON.parse(s).aws.full_log)).toEqual([
      1,
      2,
      'line a',
      'line b',
    ]);
    expect(aws.sqs.bodies('q-fail')).toEqual(['not json at all', notification('b', 'missing.json')]);
    const errors = lines.filter((l) => l.startsWith('ERROR:'));
    expect(errors).toHaveLength(2);
    expect(errors[1]).toContain('An error occurred (NoSuchKey) when calling the GetObject operation');
  });

  it('exits 0 with skip_on_error, deletes removal notifications and test events without downloads', async () => {
    aws.sqs.createQueue('q-skip');
    aws.sqs.send('q-skip', notification('b', 'gone.json'));
    aws.sqs.send('q-skip', notification('b', 'old.json', 'ObjectRemoved:Delete'));
    aws.sqs.send('q-skip', JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent' }));
    aws.sqs.send('q-skip', JSON.stringify({ Type: 'Notification', Message: notification('b', 'one.json') }));
    const before = aws.gets.length;
    const { ctx, sent } = captureContext(aws.url, { skipOnError: true });
    const summary = await runSubscriber(ctx, buckets, {
      queue: createSqsQueue(sqsClient(aws.url), 'q-skip'),
    });
    expect(summary.failures).toHaveLength(1);
    expect(aws.gets.slice(before)).toEqual(['b/gone.json', 'b/one.json']);
    expect(sent).toHaveLength(2);
    expect(aws.sqs.bodies('q-skip')).toEqual([notification('b', 'gone.json')]);
  });

  it('reports a missing queue with exit 20', async () => {
    const { ctx } = captureContext(aws.url);
    await expect(
      runSubscriber(ctx, buckets, { queue: createSqsQueue(sqsClient(aws.url), 'nope') }),
    ).rejects.toMatchObject({
      exitCode: 20,
      message: 'Queue does not exist, verify the given name',
    });
  });

  it('extends visibility while a slow object is handled: a second consumer never gets it', async () => {
    aws.sqs.createQueue('q-slow', { visibilityTimeout: 1 });
    aws.objects.set('b/slow.log', Buffer.from('slow line\n'));
    aws.objects.set('b/fast.log', Buffer.from('fast line\n'));
    aws.sqs.send('q-slow', notification('b', 'slow.log'));
    const release = aws.hold('b/slow.log');
    const first = captureContext(aws.url);
    const running = runSubscriber(first.ctx, buckets, {
      queue: createSqsQueue(sqsClient(aws.url), 'q-slow'),
    });
    while (!aws.gets.includes('b/slow.log')) await new Promise((r) => setTimeout(r, 20));
    aws.sqs.send('q-slow', notification('b', 'fast.log'));
    // The second consumer polls for longer than the queue's timeout: without the heartbeat the
    // slow message would become visible and be sent twice.
    const second = captureContext(aws.url);
    const deadline = Date.now() + 2500;
    while (Date.now() < deadline) {
      await runSubscriber(second.ctx, buckets, {
        queue: createSqsQueue(sqsClient(aws.url), 'q-slow'),
        visibilityTimeoutSeconds: 1,
      });
      await new Promise((r) => setTimeout(r, 100));
    }
    release();
    await running;
    const all = [...first.sent, ...second.sent].map((s) => JSON.parse(s).aws.full_log);
    expect(all.sort()).toEqual(['fast line', 'slow line']);
    expect(aws.sqs.calls.some((c) => c.operation === 'ChangeMessageVisibility')).toBe(true);
    expect(aws.sqs.bodies('q-slow')).toEqual([]);
  });

  it('security_hub: one event per finding; an event without detail keeps the message', async () => {
    aws.sqs.createQueue('q-hub');
    const event = (findings: unknown[]) => ({
      'detail-type': 'Security Hub Findings - Imported',
      detail: { findings, actionName: 'A' },
    });
    aws.objects.set(
      'h/ok',
      Buffer.from(
        JSON.stringify(event([{ Id: 'f1' }, { Id: 'f2' }, { Id: 'f3' }])) + JSON.stringify(event([])),
      ),
    );
    aws.objects.set(
      'h/partial',
      Buffer.from(
        `${JSON.stringify({ 'detail-type': 'x' })}\n${JSON.stringify(event([{ Id: 'f4', Note: null }]))}`,
      ),
    );
    aws.sqs.send('q-hub', notification('h', 'ok'));
    aws.sqs.send('q-hub', notification('h', 'partial'));
    const { ctx, sent } = captureContext(aws.url);
    await runSubscriber(ctx, securityHub, { queue: createSqsQueue(sqsClient(aws.url), 'q-hub') });
    const aws_ = sent.map((s) => JSON.parse(s).aws);
    expect(aws_.map((a) => a.finding.Id)).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(Object.keys(aws_[0])).toEqual(['log_info', 'source', 'detail_type', 'finding', 'actionName']);
    expect(aws_[3].finding).toEqual({ Id: 'f4' });
    expect(aws.sqs.bodies('q-hub')).toEqual([notification('h', 'partial')]);
  });

  it('applies the discard options only when given (Q1, Q3)', async () => {
    aws.sqs.createQueue('q-discard');
    aws.objects.set('d/a.log', Buffer.from('None here 1\nkeep 2\n'));
    aws.objects.set('d/b.json', Buffer.from('{"status":"refunded"}{"status":"paid"}'));
    aws.sqs.send('q-discard', notification('d', 'a.log'));
    aws.sqs.send('q-discard', notification('d', 'b.json'));
    const plain = captureContext(aws.url);
    aws.sqs.createQueue('q-discard2');
    aws.sqs.send('q-discard2', notification('d', 'a.log'));
    aws.sqs.send('q-discard2', notification('d', 'b.json'));
    await runSubscriber(plain.ctx, buckets, { queue: createSqsQueue(sqsClient(aws.url), 'q-discard') });
    expect(plain.sent).toHaveLength(4);
    expect(plain.lines.some((l) => l.startsWith('WARNING:'))).toBe(false);
    const filtered = captureContext(aws.url, { discardField: 'status', discardRegex: 'refunded' });
    await runSubscriber(filtered.ctx, buckets, { queue: createSqsQueue(sqsClient(aws.url), 'q-discard2') });
    expect(filtered.sent.map((s) => JSON.parse(s).aws.full_log ?? JSON.parse(s).aws.status)).toEqual([
      'None here 1',
      'keep 2',
      'paid',
    ]);
    expect(filtered.lines.filter((l) => l.startsWith('WARNING:'))).toHaveLength(2);
  });
});

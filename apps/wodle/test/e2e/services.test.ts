// Service and subscriber modes through the real CLI, beyond the corpus replay: a malformed SQS body
// among good ones, a subscriber run while Wazuh is down, and --remove-log-streams on a second run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpus, type E2e, eventKey, startE2e, useE2e } from './helpers/e2e.js';

const QUEUE = 'wazuh-s3-notifications';
const BAD = 'this is not JSON';
const bodies = () =>
  JSON.parse(readFileSync(corpus.fixturePath('sqs/wazuh-s3-notifications'), 'utf8')) as string[];

describe('subscribers', () => {
  let e2e: E2e;
  useE2e((started) => {
    e2e = started;
    e2e.upload('acme-app-logs', 'sub-buckets/objects');
    e2e.world.sqs.createQueue(QUEUE);
  });

  const args = ['--subscriber', 'buckets', '--queue', QUEUE];

  it('a malformed body among good ones: the others are handled and deleted, it stays; exit 12 (Q11)', async () => {
    const good = bodies();
    const mid = Math.floor(good.length / 2);
    for (const body of [...good.slice(0, mid), BAD, ...good.slice(mid)]) e2e.world.sqs.send(QUEUE, body);
    const run = await e2e.run(args);
    expect(run.code).toBe(12);
    expect(run.stdoutLines.filter((l) => l.startsWith('ERROR:'))).toHaveLength(1);
    expect(e2e.world.sqs.bodies(QUEUE)).toEqual([BAD]);
    // The good messages sent what they send without the bad one.
    const reference = await startE2e();
    try {
      reference.upload('acme-app-logs', 'sub-buckets/objects');
      reference.world.sqs.createQueue(QUEUE);
      for (const body of good) reference.world.sqs.send(QUEUE, body);
      const clean = await reference.run(args);
      expect(clean.code).toBe(0);
      expect(run.events.map(eventKey).sort()).toEqual(clean.events.map(eventKey).sort());
    } finally {
      await reference.close();
    }
  });

  it('with --skip_on_error the same run exits 0, the malformed message still stays (Q11)', async () => {
    for (const body of [BAD, ...bodies()]) e2e.world.sqs.send(QUEUE, body);
    const run = await e2e.run([...args, '--skip_on_error']);
    expect(run.code).toBe(0);
    expect(run.events.length).toBeGreaterThan(0);
    expect(e2e.world.sqs.bodies(QUEUE)).toEqual([BAD]);
  });

  it('Wazuh down: exit 11 and no message is deleted', async () => {
    for (const body of bodies()) e2e.world.sqs.send(QUEUE, body);
    const run = await e2e.run(args, { receiver: 'absent' });
    expect(run.code).toBe(11);
    expect(run.stdoutLines).toContain('ERROR: Wazuh must be running.');
    // s3:TestEvent messages carry no events and may go (Q12); every notification stays.
    const left = e2e.world.sqs.bodies(QUEUE);
    expect(left).toEqual(bodies().filter((b) => left.includes(b)));
    expect(left.filter((b) => !b.includes('s3:TestEvent'))).toEqual(
      bodies().filter((b) => !b.includes('s3:TestEvent')),
    );
  });
});

describe('cloudwatchlogs --remove-log-streams', () => {
  let e2e: E2e;
  useE2e((started) => {
    e2e = started;
  });

  it('deletes each stream it read; a second run finds nothing and succeeds', async () => {
    e2e.world.apply({ op: 'logs', fixture: 'cloudwatch/base' });
    const group = '/ecs/web-frontend';
    const args = ['--service', 'cloudwatchlogs', '--aws_log_groups', group, '--regions', 'us-east-1'];
    const first = await e2e.run([...args, '--only_logs_after', '2025-MAR-09', '--remove-log-streams']);
    expect(first.code).toBe(0);
    expect(first.raw.length).toBeGreaterThan(0);
    expect(e2e.world.logs.streams('us-east-1', group)).toEqual({});
    const deleted = e2e.world.logs.calls.filter((c) => c.operation === 'DeleteLogStream');
    expect(deleted.map((c) => c.input.logStreamName).sort()).toEqual([
      'web/web-frontend/35b700f5861df9bebc7d55dcc484443d',
      'web/web-frontend/d356c4e415f3cfe48da86ab9d5bca936',
    ]);
    // Other groups are untouched.
    expect(Object.keys(e2e.world.logs.streams('us-east-1', '/aws/lambda/payments-api') ?? {})).toHaveLength(
      3,
    );

    const second = await e2e.run([...args, '--only_logs_after', '2025-MAR-09', '--remove-log-streams']);
    expect(second.code).toBe(0);
    expect(second.raw).toEqual([]);
  });
});

// Crash safety of the real CLI: SIGKILL in the middle of a bucket or a log group loses nothing and
// re-sends at most the in-flight unit; SIGINT stops at a clean point with exit 2.
// The kill lands mid-run deterministically: the receiver is paused (SIGSTOP), so the CLI blocks on
// the full socket queue, and it is resumed only in steps until enough datagrams arrived.
import type { ChildProcess } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { type DatagramReceiver, drainReceiver, MESSAGE_HEADER } from '@wazuh-aws/testkit';
import { describe, expect, it } from 'vitest';
import { type E2e, useE2e } from './helpers/e2e.js';

const BUCKET = 'crash-trail';
const FILES = 200;
const EVENTS_PER_FILE = 5;
const CT_ARGS = ['--bucket', BUCKET, '--type', 'cloudtrail', '--only_logs_after', '2025-MAR-09'];
const DB = 's3_cloudtrail.db';

/** Uploads FILES small CloudTrail files; returns eventID → key. */
function uploadTrail(e2e: E2e): Map<string, string> {
  const owner = new Map<string, string>();
  for (let f = 0; f < FILES; f++) {
    const hh = String(Math.floor(f / 60)).padStart(2, '0');
    const mm = String(f % 60).padStart(2, '0');
    const key = `AWSLogs/123456789012/CloudTrail/us-east-1/2025/03/10/123456789012_CloudTrail_us-east-1_20250310T${hh}${mm}Z_crash${String(f).padStart(4, '0')}.json.gz`;
    const records = Array.from({ length: EVENTS_PER_FILE }, (_, i) => {
      const eventID = `e-${f}-${i}`;
      owner.set(eventID, key);
      return {
        eventVersion: '1.08',
        eventTime: `2025-03-10T${hh}:${mm}:0${i}Z`,
        eventSource: 's3.amazonaws.com',
        eventName: 'GetObject',
        awsRegion: 'us-east-1',
        eventID,
        recipientAccountId: '123456789012',
      };
    });
    e2e.world.aws.s3.putObject(BUCKET, key, gzipSync(JSON.stringify({ Records: records })));
  }
  return owner;
}

const eventIdOf = (datagram: string): string => {
  const body = JSON.parse(datagram.slice(MESSAGE_HEADER.length)) as { aws: { eventID: string } };
  return body.aws.eventID;
};

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.once('close', (code, signal) => resolve({ code, signal, stdout }));
  });

/** Lets `n` more datagrams through a paused receiver, then pauses it again. */
async function letThrough(receiver: DatagramReceiver, n: number, from: number): Promise<void> {
  receiver.resume();
  await receiver.waitFor(from + n, 30_000);
  receiver.pause();
}

describe('crash safety', () => {
  let e2e: E2e;
  useE2e((started) => {
    e2e = started;
  });

  it('SIGKILL mid-bucket: a rerun loses nothing and re-sends at most the in-flight file', async () => {
    const owner = uploadTrail(e2e);
    const receiver = await e2e.receiver();
    receiver.pause();
    const child = e2e.spawn(CT_ARGS);
    const done = exited(child);
    await letThrough(receiver, 300, 0);
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    receiver.resume();
    await drainReceiver(receiver);
    const firstIds = receiver.messages.map(eventIdOf);
    expect(firstIds.length).toBeLessThan(owner.size);
    const committed = new Set(e2e.rows(DB, 'cloudtrail').map((r) => String(r.log_key)));
    expect(committed.size).toBeGreaterThan(0);
    expect(committed.size).toBeLessThan(FILES);
    // Every committed file was delivered completely before the kill.
    const delivered = new Set(firstIds);
    for (const [id, key] of owner) if (committed.has(key)) expect(delivered.has(id), id).toBe(true);

    const rerun = await e2e.run(CT_ARGS);
    expect(rerun.code).toBe(0);
    const secondIds = rerun.raw.map(eventIdOf);
    expect(new Set([...firstIds, ...secondIds])).toEqual(new Set(owner.keys()));
    const resentFiles = new Set(secondIds.filter((id) => delivered.has(id)).map((id) => owner.get(id)));
    for (const key of resentFiles) expect(committed.has(key as string), key).toBe(false);
    expect(resentFiles.size).toBeLessThanOrEqual(1);
    expect(e2e.rows(DB, 'cloudtrail')).toHaveLength(FILES);
  });

  it('SIGINT mid-bucket: exit 2, "ERROR: SIGINT received.", state committed up to the last file', async () => {
    const owner = uploadTrail(e2e);
    const receiver = await e2e.receiver();
    receiver.pause();
    const child = e2e.spawn(CT_ARGS);
    const done = exited(child);
    await letThrough(receiver, 300, 0);
    child.kill('SIGINT');
    receiver.resume();
    const interrupted = await done;
    expect(interrupted.code).toBe(2);
    expect(interrupted.stdout.split('\n')).toContain('ERROR: SIGINT received.');
    await drainReceiver(receiver);
    const firstIds = receiver.messages.map(eventIdOf);
    expect(firstIds.length).toBeLessThan(owner.size);

    // The rows are exactly the files whose events were all delivered.
    const delivered = new Set(firstIds);
    const complete = new Set(
      [...new Set(owner.values())].filter((key) =>
        [...owner].every(([id, k]) => k !== key || delivered.has(id)),
      ),
    );
    const committed = new Set(e2e.rows(DB, 'cloudtrail').map((r) => String(r.log_key)));
    expect(committed).toEqual(complete);

    const rerun = await e2e.run(CT_ARGS);
    expect(rerun.code).toBe(0);
    const secondIds = rerun.raw.map(eventIdOf);
    expect(new Set([...firstIds, ...secondIds])).toEqual(new Set(owner.keys()));
    for (const id of secondIds) expect(committed.has(owner.get(id) as string), id).toBe(false);
  });

  it('SIGKILL mid-log-group: a rerun loses nothing', async () => {
    const streams: Record<string, Array<{ timestamp: number; message: string }>> = {};
    const all: string[] = [];
    const start = Date.UTC(2025, 2, 9, 1);
    for (const s of ['alpha', 'beta', 'gamma']) {
      streams[s] = Array.from({ length: 150 }, (_, i) => {
        const message = `event ${s} ${i}`;
        all.push(message);
        return { timestamp: start + i * 1000, message };
      });
    }
    e2e.world.logs.load({ 'us-east-1': { '/app/crash': streams } });
    const args = [
      '--service',
      'cloudwatchlogs',
      '--aws_log_groups',
      '/app/crash',
      '--regions',
      'us-east-1',
      '--only_logs_after',
      '2025-MAR-09',
    ];
    const receiver = await e2e.receiver();
    receiver.pause();
    const child = e2e.spawn(args);
    const done = exited(child);
    await letThrough(receiver, 200, 0);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    receiver.resume();
    await drainReceiver(receiver);
    const text = (m: string) => m.slice(MESSAGE_HEADER.length).trimEnd();
    const first = receiver.messages.map(text);
    expect(first.length).toBeLessThan(all.length);

    const rerun = await e2e.run(args);
    expect(rerun.code).toBe(0);
    const second = rerun.raw.map(text);
    expect(new Set([...first, ...second])).toEqual(new Set(all));
    // A third run has nothing new.
    expect((await e2e.run(args)).raw).toEqual([]);
  });
});

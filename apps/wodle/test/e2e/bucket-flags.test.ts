// Bucket-mode flags through the real CLI: fake S3 over HTTP on 127.0.0.1, a real datagram receiver and
// the real SQLite state file, each test in a fresh world.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, type E2e, eventKey, logFileOf, useE2e } from './helpers/e2e.js';

const BUCKET = 'acme-cloudtrail';
const CT = ['--bucket', BUCKET, '--type', 'cloudtrail'];
const AFTER_9 = ['--only_logs_after', '2025-MAR-09'];
const DB = 's3_cloudtrail.db';

const keysOf = (subset: string) => (corpus.manifest.s3[subset] ?? []).map((e) => e.key);
const filesOf = (events: Array<Record<string, unknown>>) => new Set(events.map(logFileOf));
const sorted = (events: unknown[]) => events.map(eventKey).sort();

describe('bucket flags', () => {
  let e2e: E2e;
  useE2e((started) => {
    e2e = started;
  });

  it('a second run sends only the files that arrived since the first', async () => {
    e2e.upload(BUCKET, 'cloudtrail/base');
    const first = await e2e.run([...CT, ...AFTER_9]);
    expect(first.code).toBe(0);
    const rowsAfterFirst = e2e.rows(DB, 'cloudtrail').length;
    expect(rowsAfterFirst).toBe(filesOf(first.events).size);

    e2e.upload(BUCKET, 'cloudtrail/batch2');
    const second = await e2e.run([...CT, ...AFTER_9]);
    expect(second.code).toBe(0);
    expect(second.events.length).toBeGreaterThan(0);
    const newFiles = filesOf(second.events);
    const batch2 = new Set(keysOf('cloudtrail/batch2'));
    for (const file of newFiles) expect(batch2.has(file), file).toBe(true);
    for (const file of newFiles) expect(filesOf(first.events).has(file), file).toBe(false);
    expect(e2e.rows(DB, 'cloudtrail').length).toBe(rowsAfterFirst + newFiles.size);

    const third = await e2e.run([...CT, ...AFTER_9]);
    expect(third.events).toEqual([]);
  });

  it('--only_logs_after: no file of an earlier day is read', async () => {
    e2e.upload(BUCKET, 'cloudtrail/base');
    const run = await e2e.run([...CT, '--only_logs_after', '2025-MAR-10']);
    expect(run.code).toBe(0);
    expect(run.events.length).toBeGreaterThan(0);
    for (const file of filesOf(run.events)) expect(file).toMatch(/\/2025\/03\/1\d\//);

    const earlier = await e2e.run([...CT, '--only_logs_after', '2025-MAR-08', '--reparse']);
    const days = new Set([...filesOf(earlier.events)].map((f) => f.match(/\/2025\/03\/(\d\d)\//)?.[1]));
    expect([...days].sort()).toEqual(['08', '09', '10']);
  });

  it('--aws_account_id reads only those accounts', async () => {
    e2e.upload(BUCKET, 'cloudtrail/base');
    const run = await e2e.run([...CT, ...AFTER_9, '--aws_account_id', '210987654321']);
    expect(run.code).toBe(0);
    expect(run.events.length).toBeGreaterThan(0);
    for (const file of filesOf(run.events)) expect(file).toMatch(/^AWSLogs\/210987654321\/CloudTrail\//);
    const accounts = new Set(e2e.rows(DB, 'cloudtrail').map((r) => r.aws_account_id));
    expect([...accounts]).toEqual(['210987654321']);
  });

  it('--regions reads only those regions', async () => {
    e2e.upload(BUCKET, 'cloudtrail/base');
    const run = await e2e.run([...CT, ...AFTER_9, '--regions', 'ap-southeast-2']);
    expect(run.code).toBe(0);
    expect(run.events.length).toBeGreaterThan(0);
    for (const file of filesOf(run.events)) expect(file).toContain('/CloudTrail/ap-southeast-2/');
  });

  it('--trail_prefix and --trail_suffix read only the prefixed trail', async () => {
    e2e.upload(BUCKET, 'cloudtrail/base', 'cloudtrail/prefixed');
    const run = await e2e.run([...CT, ...AFTER_9, '--trail_prefix', 'org-trail', '--trail_suffix', 'prod']);
    expect(run.code).toBe(0);
    const prefixed = keysOf('cloudtrail/prefixed').filter((k) => k.endsWith('.json.gz'));
    expect([...filesOf(run.events)].sort()).toEqual(prefixed.sort());
  });

  it('--aws_organization_id reads the organization trail layout only', async () => {
    e2e.upload(BUCKET, 'cloudtrail/base', 'cloudtrail/org');
    const run = await e2e.run([...CT, ...AFTER_9, '--aws_organization_id', 'o-a1b2c3d4e5']);
    expect(run.code).toBe(0);
    expect([...filesOf(run.events)].sort()).toEqual(keysOf('cloudtrail/org').sort());
  });

  it('--skip_on_error: a corrupt file becomes one error_msg event and is marked done; without it exit 8', async () => {
    e2e.upload(BUCKET, 'cloudtrail/base', 'cloudtrail/corrupt-gz');
    const [corrupt] = keysOf('cloudtrail/corrupt-gz');
    const stopped = await e2e.run([...CT, ...AFTER_9]);
    expect(stopped.code).toBe(8);
    expect(stopped.stdoutLines.filter((l) => l.startsWith('ERROR:'))).toHaveLength(1);
    expect(filesOf(stopped.events).has(corrupt as string)).toBe(false);

    const skipped = await e2e.run([...CT, ...AFTER_9, '--skip_on_error']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdoutLines.some((l) => l.startsWith('ERROR:'))).toBe(true);
    // Decision B3: the failed file sends only an error_msg event and is marked done (never retried).
    const failed = skipped.events.filter((e) => logFileOf(e) === corrupt);
    expect(failed).toHaveLength(1);
    expect(String(failed[0]?.error_msg)).toContain(`Failed to decompress file ${corrupt}`);
    const processed = new Set(e2e.rows(DB, 'cloudtrail').map((r) => r.log_key));
    expect(processed.has(corrupt)).toBe(true);
    // Together the two runs sent every good file once.
    const all = [...stopped.events, ...skipped.events];
    expect(new Set(all.map(eventKey)).size).toBe(all.length);
    const reparse = await e2e.run([...CT, ...AFTER_9, '--skip_on_error', '--reparse']);
    expect(sorted(all)).toEqual(sorted(reparse.events));
  });

  it('--remove deletes an object only once its row is committed, and never a failed file', async () => {
    e2e.upload(BUCKET, 'cloudtrail/base', 'cloudtrail/corrupt-gz');
    const [corrupt] = keysOf('cloudtrail/corrupt-gz');
    const deletions: Array<{ key: string; rowExisted: boolean }> = [];
    e2e.world.aws.onRequest(({ op, params, body }) => {
      if (op !== 'DeleteObject' && op !== 'DeleteObjects') return;
      const keys =
        op === 'DeleteObject'
          ? [String(params.Key)]
          : [...body.toString('utf8').matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1] as string);
      const rows = new Set(e2e.rows(DB, 'cloudtrail').map((r) => r.log_key));
      for (const key of keys) deletions.push({ key, rowExisted: rows.has(key) });
    });
    const run = await e2e.run([...CT, ...AFTER_9, '--remove', '--skip_on_error']);
    expect(run.code).toBe(0);
    const sent = filesOf(run.events);
    expect(sent.has(corrupt as string)).toBe(true); // its error_msg event
    // Decision B2: delete after the row is committed; B3: never delete a failed file.
    expect(deletions.map((d) => d.key).sort()).toEqual([...sent].filter((f) => f !== corrupt).sort());
    for (const d of deletions) expect(d.rowExisted, d.key).toBe(true);
    const left = e2e.world.aws.s3.listKeys(BUCKET);
    expect(left).toContain(corrupt);
    for (const file of sent) if (file !== corrupt) expect(left).not.toContain(file);
    // Files older than --only_logs_after were not processed, so they stay.
    expect(left.some((k) => k.includes('/2025/03/08/'))).toBe(true);
  });

  it('--discard-field/--discard-regex drop exactly the matching events', async () => {
    e2e.upload(BUCKET, 'cloudtrail/base');
    const regex = /(ec2|kms)\.amazonaws\.com/;
    const filtered = await e2e.run([
      ...CT,
      ...AFTER_9,
      '--discard-field',
      'eventSource',
      '--discard-regex',
      regex.source,
    ]);
    expect(filtered.code).toBe(0);
    const all = await e2e.run([...CT, ...AFTER_9, '--reparse']);
    const source = (e: Record<string, unknown>) => String((e.aws as Record<string, unknown>).eventSource);
    const kept = all.events.filter((e) => !regex.test(source(e)));
    expect(kept.length).toBeLessThan(all.events.length);
    expect(sorted(filtered.events)).toEqual(sorted(kept));
  });

  it('--output jsonl:<file> and --output stdout write the events instead of the socket', async () => {
    e2e.upload(BUCKET, 'cloudtrail/base');
    const out = mkdtempSync(join(tmpdir(), 'wazuh-aws-out-'));
    try {
      const file = join(out, 'events.jsonl');
      const jsonl = await e2e.run([...CT, ...AFTER_9, '--output', `jsonl:${file}`], { receiver: 'absent' });
      expect(jsonl.code).toBe(0);
      const fromFile = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as unknown);

      const stdout = await e2e.run([...CT, ...AFTER_9, '--reparse', '--output', 'stdout'], {
        receiver: 'absent',
      });
      expect(stdout.code).toBe(0);
      const fromStdout = stdout.stdoutLines
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as unknown);

      const socket = await e2e.run([...CT, ...AFTER_9, '--reparse']);
      expect(socket.events.length).toBeGreaterThan(0);
      expect(sorted(fromFile)).toEqual(sorted(socket.events));
      expect(sorted(fromStdout)).toEqual(sorted(socket.events));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('--wazuh-path locates the socket and the state without WAZUH_PATH', async () => {
    e2e.upload(BUCKET, 'cloudtrail/base');
    const run = await e2e.run([...CT, ...AFTER_9, '--wazuh-path', e2e.world.wazuh.root], {
      withoutWazuhPath: true,
    });
    expect(run.code).toBe(0);
    expect(run.events.length).toBeGreaterThan(0);
    expect(e2e.rows(DB, 'cloudtrail').length).toBe(filesOf(run.events).size);
  });

  describe('exit codes', () => {
    it('14: the bucket is empty', async () => {
      e2e.world.aws.s3.createBucket('acme-empty');
      const run = await e2e.run(['--bucket', 'acme-empty', '--type', 'cloudtrail', ...AFTER_9]);
      expect(run.code).toBe(14);
      expect(run.stdoutLines).toContain(
        "ERROR: No files were found in 'acme-empty/'. No logs will be processed.",
      );
    });

    it('11: no socket, or a socket nobody listens on', async () => {
      e2e.upload(BUCKET, 'cloudtrail/base');
      for (const receiver of ['absent', 'stale'] as const) {
        const run = await e2e.run([...CT, ...AFTER_9], { receiver });
        expect(run.code, receiver).toBe(11);
        expect(run.stdoutLines, receiver).toContain('ERROR: Wazuh must be running.');
      }
      // Nothing was recorded as processed.
      expect(e2e.rows(DB, 'cloudtrail')).toEqual([]);
    });

    it('22: an unknown region; 12: an unknown bucket type; 2: bad arguments', async () => {
      e2e.upload(BUCKET, 'cloudtrail/base');
      const region = await e2e.run([...CT, '--regions', 'us-east-9']);
      expect(region.code).toBe(22);
      const type = await e2e.run(['--bucket', BUCKET, '--type', 'not-a-type']);
      expect(type.code).toBe(12);
      expect(type.stdoutLines).toContain('ERROR: Invalid type of bucket');
      const args = await e2e.run([...CT, '--no-such-flag']);
      expect(args.code).toBe(2);
      expect(e2e.world.aws.requests).toEqual([]);
    });
  });
});

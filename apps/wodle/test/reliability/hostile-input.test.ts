// Hostile objects through the real CLI (custom bucket, skip_on_error): deep nesting, prototype
// keys, huge numbers, invalid UTF-8, truncated gzip/zip, random bytes and a gzip bomb each end as
// events or as a skipped file with its error message, the run exits 0, prints no stack trace,
// and a rerun finds every file marked.
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle } from './harness/crash.js';
import { startWorld, type World } from './harness/world.js';
import { zipOf } from './harness/zip.js';

const BUCKET = 'hostile';
const ARGS = [
  '--bucket',
  BUCKET,
  '--type',
  'custom',
  '--only_logs_after',
  '2025-MAR-09',
  '--trail_prefix',
  'in',
];
const envelope = (detail: string) =>
  `{"version":"0","id":"e","detail-type":"T","source":"aws.test","account":"1","time":"2025-03-09T00:00:00Z","region":"us-east-1","resources":[],"detail":${detail}}`;
const nested = (depth: number) => `${'{"a":'.repeat(depth)}"bottom"${'}'.repeat(depth)}`;

const OBJECTS: Record<string, Buffer> = {
  'in/2025/03/09/01/deep-2000': Buffer.from(envelope(nested(2000))),
  'in/2025/03/09/02/proto': Buffer.from(
    envelope('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"mark":"proto-ok"}'),
  ),
  'in/2025/03/09/03/numbers': Buffer.from(
    envelope('{"big":123456789012345678901234567890,"huge":1e400,"mark":"numbers-ok"}'),
  ),
  'in/2025/03/09/04/bad-utf8': Buffer.concat([
    Buffer.from(envelope('{"x":"')),
    Buffer.from([0xc3, 0x28]),
    Buffer.from('"}}'),
  ]),
  'in/2025/03/09/05/cut.gz': gzipSync(envelope('{"x":1}').repeat(2000)).subarray(0, 300),
  'in/2025/03/09/06/cut.zip': zipOf({ 'a.json': envelope('{"x":1}').repeat(2000) }).subarray(0, 200),
  'in/2025/03/09/07/random.gz': randomBytes(5000),
  'in/2025/03/09/08/random': randomBytes(5000),
  'in/2025/03/09/09/bomb.gz': gzipSync(Buffer.alloc(600 * 1024 ** 2, 0x20)),
  'in/2025/03/09/10/after': Buffer.from(envelope('{"mark":"after-ok"}')),
};

let world: World;
beforeAll(async () => {
  world = await startWorld();
  world.aws.s3.createBucket(BUCKET);
  for (const [key, body] of Object.entries(OBJECTS)) world.aws.s3.putObject(BUCKET, key, body);
  await world.startReceiver();
});
afterAll(async () => {
  await world.close();
});

describe('hostile objects through the CLI', () => {
  it('with skip_on_error: events or skips, exit 0, no stack trace, everything marked', async () => {
    const result = await world.run([...ARGS, '--skip_on_error'], { timeoutMs: 120_000 });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    await settle(world);
    // Python's json.dumps writes Infinity/NaN as bare words (the reference's output); JSON.parse does not read them.
    const bodies = world.received().map(
      (b) =>
        JSON.parse(b.replace(/: (-?Infinity|NaN)\b/g, ': null')) as {
          aws: Record<string, unknown>;
          error_msg?: string;
        },
    );
    const byFile = new Map<string, typeof bodies>();
    for (const b of bodies) {
      const file = (b.aws.log_info as { log_file: string }).log_file;
      byFile.set(file, [...(byFile.get(file) ?? []), b]);
    }
    // Every object produced something: its events or its error message.
    expect([...byFile.keys()].sort()).toEqual(Object.keys(OBJECTS).sort());
    const text = (key: string) => JSON.stringify(byFile.get(key));
    expect(text('in/2025/03/09/01/deep-2000')).toContain('"bottom"');
    expect(text('in/2025/03/09/02/proto')).toContain('"__proto__":{"polluted":1}');
    expect(text('in/2025/03/09/03/numbers')).toContain('numbers-ok');
    expect(text('in/2025/03/09/10/after')).toContain('after-ok');
    for (const key of ['04/bad-utf8', '05/cut.gz', '06/cut.zip', '07/random.gz', '09/bomb.gz'])
      expect(byFile.get(`in/2025/03/09/${key}`)?.[0]?.error_msg, key).toBeTypeOf('string');
    expect(text('in/2025/03/09/09/bomb.gz')).toContain('Failed to decompress file');

    const again = await world.run([...ARGS, '--skip_on_error']);
    expect(again.code).toBe(0);
    await settle(world);
    expect(world.received()).toHaveLength(bodies.length);
  });
});

describe('very deep documents through the CLI', () => {
  // The encoder's stack limit on absurdly deep values is a skippable file error, not a stuck bucket.
  it('a 100 000-level document is sent or skipped, and the run goes on', async () => {
    world.aws.s3.createBucket('deep');
    world.aws.s3.putObject('deep', 'in/2025/03/09/01/deep', Buffer.from(envelope(nested(100_000))));
    world.aws.s3.putObject(
      'deep',
      'in/2025/03/09/02/after',
      Buffer.from(envelope('{"mark":"deep-after-ok"}')),
    );
    const args = ['--bucket', 'deep', ...ARGS.slice(2), '--skip_on_error'];
    const result = await world.run(args);
    expect(result.code, result.stdout).toBe(0);
    await settle(world);
    expect(world.received().join('\n')).toContain('deep-after-ok');
  });
});

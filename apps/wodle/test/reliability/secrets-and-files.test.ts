// Secrets never appear in any output, at any debug level, whatever prints them (the Args: line,
// SDK error messages that embed them, debug-3 dumps); state databases and output files get no
// group/world access even under a permissive umask.
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudtrailScenario } from './harness/scenarios.js';
import { startWorld, WORLD_KEY_ID, WORLD_SECRET, type World } from './harness/world.js';

const ACCESS_KEY = 'AKIACLIACCESSKEY0001';
const SECRET_KEY = 'cli/Secret+Key=0123456789abcdefghijklmnop';
const SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLEsessionTOKEN/+=0123456789';
const EXTERNAL_ID = 'external-id-7f3a9c2e';
const SECRETS = [ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, EXTERNAL_ID, WORLD_SECRET, WORLD_KEY_ID];
/** What an AWS error message leaks: the credentials of the run at hand, raw and URL-encoded. */
const leak = (...secrets: string[]) =>
  `denied: ${secrets.map((s, i) => (i % 2 ? encodeURIComponent(s) : s)).join(' and ')}`;
// The spellings an SDK message or a JSON dump may use.
const spellings = (s: string) => [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)];

let world: World;
const scenario = cloudtrailScenario(2, 3, []);
beforeAll(async () => {
  world = await startWorld();
  scenario.load(world);
  await world.startReceiver();
});
afterAll(async () => {
  await world.close();
});

function expectNoSecret(output: string, secrets: readonly string[] = SECRETS): void {
  for (const secret of secrets) for (const s of spellings(secret)) expect(output, secret).not.toContain(s);
}

describe('secrets are masked in every output', () => {
  for (const level of ['1', '2', '3']) {
    it(`static keys and a session token, SDK errors embedding them, debug ${level}`, async () => {
      const held = [ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, WORLD_KEY_ID, WORLD_SECRET];
      const message = leak(...held);
      world.aws.faults.add({ op: 'GetObject', kind: 'status', code: 'AccessDenied', message, times: 50 });
      const result = await world.run(
        [...scenario.args, '--access_key', ACCESS_KEY, '--secret_key', SECRET_KEY, '--debug', level],
        { env: { AWS_SESSION_TOKEN: SESSION_TOKEN } },
      );
      world.aws.faults.clear();
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('An error occurred (AccessDenied)');
      expect(result.stdout).toContain('***');
      if (level !== '1') expect(result.stdout).toMatch(/^DEBUG: Args: \[.*'--access_key', '\*\*\*'/m);
      expectNoSecret(result.stdout + result.stderr, held);
    });
  }

  it('a role with an external id whose AssumeRole error embeds it', async () => {
    const held = [EXTERNAL_ID, WORLD_KEY_ID, WORLD_SECRET];
    const message = leak(...held);
    world.aws.faults.add({ op: 'AssumeRole', kind: 'status', code: 'AccessDenied', message, times: 50 });
    const result = await world.run([
      ...scenario.args,
      '--iam_role_arn',
      'arn:aws:iam::123456789012:role/wazuh',
      '--external_id',
      EXTERNAL_ID,
      '--debug',
      '3',
    ]);
    world.aws.faults.clear();
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('Access error');
    expectNoSecret(result.stdout + result.stderr, held);
  });

  it('debug-3 event dumps and --output stdout carry no credentials', async () => {
    const result = await world.run([...scenario.args, '--reparse', '--debug', '3', '--output', 'stdout'], {
      env: { AWS_SESSION_TOKEN: SESSION_TOKEN },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"eventID": "chaos-ct000#0"');
    expectNoSecret(result.stdout + result.stderr);
  });
});

describe('files are created without group or world access', () => {
  const noAccess = (path: string) => expect(statSync(path).mode & 0o077, path).toBe(0);

  it('state database, its run lock and a JSON-lines output, even with umask 000', async () => {
    const previous = process.umask(0);
    try {
      const out = join(world.wazuh.root, 'events.jsonl');
      const result = await world.run([...scenario.args, '--reparse', '--output', `jsonl:${out}`]);
      expect(result.code).toBe(0);
      const db = join(world.wazuh.wodleDir, 's3_cloudtrail.db');
      noAccess(db);
      if (existsSync(`${db}.lock`)) noAccess(`${db}.lock`);
      noAccess(out);
    } finally {
      process.umask(previous);
    }
  });

  // createWriteStream's mode only applies to new files; the sink narrows existing ones too.
  it('an existing JSON-lines output file is narrowed to 0600', async () => {
    const out = join(world.wazuh.root, 'existing.jsonl');
    writeFileSync(out, '');
    chmodSync(out, 0o644);
    const result = await world.run([...scenario.args, '--reparse', '--output', `jsonl:${out}`]);
    expect(result.code).toBe(0);
    noAccess(out);
  });
});

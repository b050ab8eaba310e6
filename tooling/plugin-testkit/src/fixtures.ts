// Helpers for plugin tests over corpus fixtures copied into a package's test/fixtures (never read
// from the shared corpus at test time).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AwsEvent,
  type BucketPlugin,
  buildEventMessage,
  type FileContext,
  type Logger,
  openObjectContent,
  type WazuhMessage,
} from '@wazuh-aws/core';

/** A scenario's expected messages of one run, grouped by `aws.log_info.log_file`, in order. */
function expectedMessages(FIXTURES: string, scenario: string, run = 1): Map<string, WazuhMessage[]> {
  const byFile = new Map<string, WazuhMessage[]>();
  const text = readFileSync(join(FIXTURES, `${scenario}.expected.jsonl`), 'utf8');
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const entry = JSON.parse(line) as { run: number; msg: WazuhMessage };
    if (entry.run !== run) continue;
    const key = ((entry.msg.aws as Record<string, unknown>).log_info as Record<string, string>)
      .log_file as string;
    byFile.set(key, [...(byFile.get(key) ?? []), entry.msg]);
  }
  return byFile;
}

/** Every object key of a copied input subset. */
function fixtureKeys(FIXTURES: string, subset: string): string[] {
  const root = join(FIXTURES, 'input', subset);
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [relative(root, join(dir, entry.name))],
    );
  return walk(root).sort();
}

const fixtureBytes = (FIXTURES: string, subset: string, key: string): Buffer =>
  readFileSync(join(FIXTURES, 'input', subset, key));

/** Fixture readers bound to one package's `test/fixtures/` folder. */
export function createFixtureHelpers(fixturesUrl: URL) {
  const FIXTURES = fileURLToPath(fixturesUrl);
  return {
    FIXTURES,
    /** A scenario's expected messages of one run, grouped by `aws.log_info.log_file`, in order. */
    expectedMessages: (scenario: string, run = 1) => expectedMessages(FIXTURES, scenario, run),
    /** Every object key of a copied input subset. */
    fixtureKeys: (subset: string) => fixtureKeys(FIXTURES, subset),
    fixtureBytes: (subset: string, key: string) => fixtureBytes(FIXTURES, subset, key),
  };
}

/** A logger that records its lines as the modulesd protocol would print them. */
export function recordingLogger(level = 3): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    level,
    lines,
    debug(n, text) {
      if (level >= n) lines.push(`DEBUG: ${typeof text === 'function' ? text() : text}`);
    },
    error: (text) => lines.push(`ERROR: ${text}`),
    warning: (text) => lines.push(`WARNING: ${text}`),
    info: (text) => lines.push(`INFO: ${text}`),
    plain: (text) => lines.push(text),
  };
}

export interface RunOptions {
  bucket: string;
  key: string;
  prefix?: string;
  skipOnError?: boolean;
  logger?: Logger;
}

export function fileContext(options: RunOptions): FileContext {
  return {
    bucket: options.bucket,
    key: options.key,
    prefix: options.prefix ?? '',
    skipOnError: options.skipOnError ?? false,
    logger: options.logger ?? recordingLogger(),
  };
}

/** Parses the object's bytes with the plugin the way the engine does (minus the discard filter). */
export async function parseObject(
  plugin: BucketPlugin,
  bytes: Uint8Array,
  options: RunOptions,
): Promise<AwsEvent[]> {
  const events: AwsEvent[] = [];
  for await (const event of plugin.parse(openObjectContent(options.key, bytes), fileContext(options)))
    events.push(event);
  return events;
}

/** Object bytes → decompress → parse → message template → reformat, in order. */
export async function messagesOf(
  plugin: BucketPlugin,
  bytes: Uint8Array,
  options: RunOptions,
): Promise<WazuhMessage[]> {
  const context = fileContext(options);
  const messages: WazuhMessage[] = [];
  for await (const event of plugin.parse(openObjectContent(options.key, bytes), context)) {
    messages.push(
      ...plugin.reformat(
        buildEventMessage(event, { alias: '', bucket: options.bucket, key: options.key }),
        context,
      ),
    );
  }
  return messages;
}

/** Deterministic PRNG (mulberry32) for replayable fuzz tests. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

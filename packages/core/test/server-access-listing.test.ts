// The reference's own listing loop of `server_access` (buckets.md §3.10), through the engine's
// scope poller with a scripted object store: its listing failures are all "unexpected" (exit 7),
// and two debug lines differ from the common loop.
import { describe, expect, it } from 'vitest';
import { createRunSummary } from '../src/engine/bucket/run-summary.js';
import { pollScope, type ScopeDeps } from '../src/engine/bucket/scope-poller.js';
import type { BucketStateStore } from '../src/engine/bucket/state-port.js';
import type { RunContext } from '../src/engine/context.js';
import { type BucketPlugin, createLineLogger, customReformat, defineBucketPlugin } from '../src/index.js';

const plugin = (listingStyle?: 'server-access'): BucketPlugin =>
  defineBucketPlugin({
    kind: 'bucket',
    name: 'server_access',
    table: 's3_server_access',
    schema: 'custom',
    layout: 'flat',
    markerDateFormat: 'YYYY-MM-DD',
    dateRegex: /\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}/,
    checkPrefix: true,
    markerDelimiter: '-',
    lateArrival: false,
    accountIdInMessage: false,
    createdDate: 'key-date',
    ...(listingStyle ? { listingStyle } : {}),
    async *parse() {},
    reformat: (message) => [customReformat(message)],
  });

/** An SDK-shaped service error. */
function awsError(name: string, message: string, status: number) {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

function setup(
  p: BucketPlugin,
  list: () => ReturnType<ScopeDeps['store']['list']>,
  { processed = [] as string[], reparse = true, level = 2 } = {},
) {
  const lines: string[] = [];
  const logger = createLineLogger({ level, write: (line) => lines.push(line) });
  const state: BucketStateStore = {
    ensureTable() {},
    isProcessed: (_scope, key) => processed.includes(key),
    lastKey: () => processed.at(-1),
    markProcessed() {},
    prune() {},
  };
  const context: RunContext = {
    logger,
    sink: { send: () => undefined, close: async () => {} },
    wazuh: { home: '/nonexistent', version: 'v5.1.0', wodleDir: '/nonexistent' },
    aws: { create: async () => Promise.reject(new Error('unused')), callerAccountId: async () => '1' },
    options: { reparse, skipOnError: false, accountAlias: '', concurrency: 1 },
    signal: new AbortController().signal,
    defaultDate: new Date(Date.UTC(2025, 2, 9)),
  };
  const deps: ScopeDeps = {
    plugin: p,
    store: { list, open: () => Promise.reject(new Error('unused')), remove: async () => {} },
    state,
    context,
    bucket: 'logs',
    prefix: '',
    remove: false,
    summary: createRunSummary(),
  };
  const scope = { row: { bucketPath: 'logs/', accountId: '1' }, fullPrefix: '', noLogs: '+++ No logs' };
  return { lines, run: () => pollScope(deps, scope) };
}

describe('server_access listing loop', () => {
  it.each([
    ['AccessDenied', 'Access Denied', 403],
    ['SlowDown', 'Please reduce your request rate.', 503],
    ['ThrottlingException', 'Rate exceeded', 400],
  ])('turns a %s listing failure into exit 7 with the reference texts', async (code, message, status) => {
    const { lines, run } = setup(plugin('server-access'), () =>
      Promise.reject(awsError(code, message, status)),
    );
    const text = `An error occurred (${code}) when calling the ListObjectsV2 operation: ${message}`;
    await expect(run()).rejects.toMatchObject({
      exitCode: 7,
      message: `Unexpected error querying/working with objects in S3: ${text}`,
    });
    expect(lines).toContain(`DEBUG: +++ Unexpected error: ${text}\n`);
  });

  it('keeps the common classification for other types (throttling is exit 16 there)', async () => {
    const { run } = setup(plugin(), () =>
      Promise.reject(awsError('ThrottlingException', 'Rate exceeded', 400)),
    );
    await expect(run()).rejects.toMatchObject({ exitCode: 16 });
  });

  it('prints no reparse line', async () => {
    const empty = { objects: [], folders: [], hasContents: false, hasFolders: false };
    const common = setup(plugin(), async () => empty);
    await common.run();
    const own = setup(plugin('server-access'), async () => empty);
    await own.run();
    expect(common.lines).toContain('DEBUG: ++ Reparse mode enabled\n');
    expect(own.lines).not.toContain('DEBUG: ++ Reparse mode enabled\n');
  });

  it('prints the already-processed line at debug level 2, not 1', async () => {
    const key = '2025-03-09-10-00-00-ABCDEF';
    const page = { objects: [{ bucket: 'logs', key }], folders: [], hasContents: true, hasFolders: false };
    const line = `DEBUG: ++ Skipping previously processed file: ${key}\n`;
    const options = { processed: [key], reparse: false };
    const common = setup(plugin(), async () => page, { ...options, level: 1 });
    await common.run();
    const ownAt1 = setup(plugin('server-access'), async () => page, { ...options, level: 1 });
    await ownAt1.run();
    const ownAt2 = setup(plugin('server-access'), async () => page, { ...options, level: 2 });
    await ownAt2.run();
    expect(common.lines).toContain(line);
    expect(ownAt1.lines).not.toContain(line);
    expect(ownAt2.lines).toContain(line);
  });
});

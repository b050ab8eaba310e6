import { describe, expect, it } from 'vitest';
import { processObject } from '../src/engine/bucket/object-processor.js';
import type { RunContext } from '../src/engine/context.js';
import {
  type AwsEvent,
  defineBucketPlugin,
  genericReformat,
  InterruptedError,
  ParseError,
  silentLogger,
} from '../src/index.js';

// A type whose parser yields `good` events, then fails (or not): the engine decides what is sent.
function plugin(good: number, fail?: () => Error) {
  return defineBucketPlugin({
    kind: 'bucket',
    name: 'test',
    table: 'test',
    schema: 'custom',
    layout: 'flat',
    markerDateFormat: 'YYYY/MM/DD',
    checkPrefix: false,
    lateArrival: false,
    accountIdInMessage: false,
    createdDate: 'key-date',
    async *parse(): AsyncGenerator<AwsEvent> {
      for (let i = 0; i < good; i++) yield { n: i, source: 'test' };
      if (fail) throw fail();
    },
    reformat: (message) => [genericReformat(message)],
  });
}

function run(skipOnError: boolean) {
  const sent: string[] = [];
  const context: RunContext = {
    logger: silentLogger,
    sink: { send: (json) => void sent.push(json), close: async () => {} },
    wazuh: { home: '/nonexistent', version: 'v5.1.0', wodleDir: '/nonexistent' },
    aws: { create: async () => Promise.reject(new Error('unused')), callerAccountId: async () => '1' },
    options: { reparse: false, skipOnError, accountAlias: '', concurrency: 1 },
    signal: new AbortController().signal,
    defaultDate: new Date(),
  };
  const object = { bucket: 'b', key: 'k/2025/03/09/f' };
  const file = { bucket: 'b', key: object.key, prefix: '', skipOnError, logger: silentLogger };
  const body = async () => ({ body: Buffer.from('x'), inflated: false });
  return { sent, go: (p: ReturnType<typeof plugin>) => processObject(p, object, body, '1', file, context) };
}

describe('processObject: what a file sends (buckets.md §1.11)', () => {
  it('a file that fails midway sends none of its events and stops the run (exit 9)', async () => {
    const { sent, go } = run(false);
    await expect(go(plugin(3, () => new ParseError('bad row')))).rejects.toMatchObject({ exitCode: 9 });
    expect(sent).toEqual([]);
  });

  it('with skip_on_error it sends only the error message and reports the file as failed', async () => {
    const { sent, go } = run(true);
    const outcome = await go(plugin(3, () => new ParseError('bad row')));
    expect(outcome).toMatchObject({ failed: true, events: 0 });
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!).error_msg).toBe("Failed to parse file k/2025/03/09/f: ValueError('bad row')");
  });

  it('a clean file sends every event in order', async () => {
    const { sent, go } = run(false);
    await expect(go(plugin(3))).resolves.toMatchObject({ failed: false, events: 3 });
    expect(sent.map((json) => JSON.parse(json).aws.n)).toEqual([0, 1, 2]);
  });

  it('a stop signal inside a file is never skipped as a file error', async () => {
    const { sent, go } = run(true);
    await expect(go(plugin(2, () => new InterruptedError('SIGTERM')))).rejects.toBeInstanceOf(
      InterruptedError,
    );
    expect(sent).toEqual([]);
  });
});

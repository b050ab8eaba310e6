import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileMessages } from '../src/engine/bucket/file-messages.js';
import { createFrameWriter, eachFrame } from '../src/engine/bucket/frame-writer.js';
import { type ParseJob, type ParseSetup, runParseJob } from '../src/engine/bucket/parse-job.js';
import {
  errorClassName,
  ForeignError,
  fromRemoteError,
  toRemoteError,
} from '../src/engine/bucket/remote-error.js';
import {
  type BucketPlugin,
  createDiscardFilter,
  DecompressError,
  encodeJsonAscii,
  openObjectContent,
  ParseError,
  WazuhAwsError,
} from '../src/index.js';
import { createLineLogger } from '../src/log/logger.js';
import { createRecordingLogger, replayLogs } from '../src/log/recording-logger.js';
// @ts-expect-error: a plain JavaScript fixture without types
import { jsonLines } from './fixtures/json-lines-plugin.mjs';

const plugin = jsonLines as BucketPlugin;
const WAZUH = { header: '1:Wazuh-AWS:', trailer: '' };
const setup = (over: Partial<ParseSetup> = {}): ParseSetup => ({
  logLevel: 2,
  framing: WAZUH,
  maxOutputBytes: 1 << 30,
  ...over,
});
const job = (key: string, body: Uint8Array): ParseJob => ({
  id: 7,
  body,
  file: { bucket: 'b', key, prefix: '', skipOnError: false },
  source: { alias: 'alias', bucket: 'b', key },
});
const frameTexts = (frames: Parameters<typeof eachFrame>[0]) =>
  [...eachFrame(frames)].map((frame) => frame.toString('latin1'));

describe('frame writer', () => {
  it('packs bodies inside the framing, growing past its first buffers', () => {
    const writer = createFrameWriter({ header: '<', trailer: '>\n' });
    const bodies = Array.from({ length: 3000 }, (_, i) => `{"n": ${i}, "pad": "${'x'.repeat(i % 97)}"}`);
    for (const body of bodies) writer.add(body);
    const frames = writer.finish();
    expect(writer.count).toBe(3000);
    expect(frames.data.byteLength).toBeGreaterThan(64 * 1024);
    expect(frameTexts(frames)).toEqual(bodies.map((b) => `<${b}>\n`));
  });

  it('finishes empty', () => {
    expect(frameTexts(createFrameWriter(WAZUH).finish())).toEqual([]);
  });
});

describe('errors across threads', () => {
  it('keep the class, Python type, exit code and stack of the engine errors', () => {
    const parse = fromRemoteError(toRemoteError(new ParseError('bad', undefined, 'JSONDecodeError')));
    expect(parse).toBeInstanceOf(ParseError);
    expect(parse).toMatchObject({ message: 'bad', pythonType: 'JSONDecodeError', exitCode: 9 });
    const original = new DecompressError('Invalid gzip file received.', undefined, 'BadGzipFile');
    const decompress = fromRemoteError(toRemoteError(original));
    expect(decompress).toBeInstanceOf(DecompressError);
    expect(decompress).toMatchObject({ pythonType: 'BadGzipFile', exitCode: 8 });
    expect(decompress.stack).toBe(original.stack);
    const plugin = fromRemoteError(
      toRemoteError(new WazuhAwsError('Unexpected structure', { exitCode: 9, code: 'WAF', report: false })),
    );
    expect(plugin).toBeInstanceOf(WazuhAwsError);
    expect(plugin).toMatchObject({ exitCode: 9, code: 'WAF', report: false, retryable: false });
  });

  it('keep the class name of any other error for the error_msg repr', () => {
    const other = fromRemoteError(toRemoteError(new TypeError('x is not a function')));
    expect(other).toBeInstanceOf(ForeignError);
    expect(errorClassName(other)).toBe('TypeError');
    expect(other.message).toBe('x is not a function');
    expect(errorClassName(fromRemoteError(toRemoteError('a string')))).toBe('Exception');
  });
});

describe('recording logger', () => {
  it('keeps the lines its level lets through and replays them in order', () => {
    const recorder = createRecordingLogger(2);
    let lazy = 0;
    recorder.debug(1, 'one');
    recorder.debug(3, () => `never ${++lazy}`);
    recorder.warning('careful');
    recorder.debug(2, () => `lazy ${++lazy}`);
    recorder.error('bad');
    const printed: string[] = [];
    replayLogs(createLineLogger({ level: 2, write: (line) => printed.push(line) }), recorder.take());
    expect(lazy).toBe(1);
    expect(printed.join('')).toBe('DEBUG: one\nWARNING: careful\nDEBUG: lazy 1\nERROR: bad\n');
    expect(recorder.take()).toEqual([]);
  });
});

describe('runParseJob', () => {
  const lines = ['{"a": 1}', '{"b": "é"}', '{"c": [null]}', '{"a": 2}'].join('\n');

  it('gives the frames the in-thread path sends, with the counts and the log lines', async () => {
    const discard = createDiscardFilter({ field: 'value.a', regex: '2' });
    const key = 'logs/file.jsonl.gz';
    const result = await runParseJob(plugin, setup(), discard, job(key, gzipSync(lines)));
    if (result.outcome !== 'parsed') throw new Error(`unexpected ${result.outcome}`);

    const inline: string[] = [];
    const recorder = createRecordingLogger(2);
    const count = { discarded: 0 };
    const file = { bucket: 'b', key, prefix: '', skipOnError: false, logger: recorder };
    const content = openObjectContent(key, gzipSync(lines));
    for await (const messages of fileMessages(
      plugin,
      content,
      file,
      job(key, new Uint8Array()).source,
      discard,
      count,
    ))
      for (const message of messages) inline.push(`1:Wazuh-AWS:${encodeJsonAscii(message)}`);

    expect(frameTexts(result.frames)).toEqual(inline);
    expect(inline).toHaveLength(3);
    expect(result).toMatchObject({ id: 7, events: 3, discarded: 1 });
    expect(result.logs).toEqual(recorder.take());
    expect(result.logs).toContainEqual(['debug', `line of ${key}`, 2]);
  });

  it('reports a corrupt object as a decompression failure', async () => {
    const result = await runParseJob(plugin, setup(), undefined, job('x.json.gz', Buffer.from('not gzip')));
    expect(result).toMatchObject({ outcome: 'failed', escalated: false, error: { kind: 'decompress' } });
  });

  it('reports a parse failure as the file error, and a reformat failure as escalated', async () => {
    const broken = await runParseJob(plugin, setup(), undefined, job('x.jsonl', Buffer.from('{"a": 1}\n{')));
    expect(broken).toMatchObject({ outcome: 'failed', escalated: false, error: { kind: 'other' } });
    const boom = await runParseJob(plugin, setup(), undefined, job('x.jsonl', Buffer.from('"boom"\n')));
    expect(boom).toMatchObject({
      outcome: 'failed',
      escalated: true,
      error: { kind: 'other', className: 'TypeError', message: 'reformat failed' },
    });
  });

  it('hands a file back when its frames pass the output limit', async () => {
    const big = Array.from({ length: 1000 }, (_, i) => `{"i": ${i}}`).join('\n');
    const result = await runParseJob(
      plugin,
      setup({ maxOutputBytes: 4096 }),
      undefined,
      job('x.jsonl', Buffer.from(big)),
    );
    expect(result).toEqual({ id: 7, outcome: 'too-large' });
  });
});

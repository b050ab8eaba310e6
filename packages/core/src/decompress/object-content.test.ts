import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DecompressError, ParseError } from '../errors/errors.js';
import { isCompressedKey } from './key-kind.js';
import { openObjectContent } from './object-content.js';

const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};
/** A stream body delivering `bytes` in chunks of `size`, like an SDK response. */
const chunked = (bytes: Uint8Array, size = 3) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += size) yield Buffer.from(bytes.subarray(i, i + size));
    })(),
  );
const bodies = (bytes: Uint8Array) => [Buffer.from(bytes), chunked(bytes), chunked(bytes, 1 << 16)];

describe('openObjectContent', () => {
  it('reads plain objects as text, lines and bytes', async () => {
    const raw = Buffer.from('\uFEFF{"a":1}\r\nsecond\rthird');
    for (const body of bodies(raw))
      expect(await collect(openObjectContent('k.log', body).lines())).toEqual([
        '\uFEFF{"a":1}',
        'second',
        'third',
      ]);
    expect(await openObjectContent('k.json', raw).text()).toBe('\uFEFF{"a":1}\r\nsecond\rthird');
    expect(Buffer.concat(await collect(openObjectContent('k', raw).stream()))).toEqual(raw);
  });

  it('gunzips concatenated members as one stream, whatever the suffix case', async () => {
    const gz = Buffer.concat([gzipSync('one\ntw'), gzipSync('o\nthree\n')]);
    for (const key of ['a.json.gz', 'A.JSON.GZ']) {
      for (const body of bodies(gz))
        expect(await collect(openObjectContent(key, body).lines())).toEqual(['one', 'two', 'three']);
    }
    expect(await openObjectContent('x.gz', gz).text()).toBe('one\ntwo\nthree\n');
    expect(Buffer.concat(await collect(openObjectContent('x.gz', chunked(gz)).stream())).toString()).toBe(
      'one\ntwo\nthree\n',
    );
  });

  it('reads an empty .gz object as empty text', async () => {
    expect(await openObjectContent('x.gz', Buffer.alloc(0)).text()).toBe('');
    expect(await collect(openObjectContent('x.gz', chunked(Buffer.alloc(0))).lines())).toEqual([]);
  });

  it('rejects corrupt and truncated gzip with the reference text, without hanging', async () => {
    const gz = gzipSync('hello world\n'.repeat(100));
    const cases = [Buffer.from('not gzip at all'), gz.subarray(0, gz.length - 6), gz.subarray(0, 5)];
    for (const bad of cases) {
      for (const body of bodies(bad)) {
        await expect(collect(openObjectContent('x.gz', body).lines())).rejects.toThrow(
          new DecompressError('Invalid gzip file received.'),
        );
      }
    }
    const stream = openObjectContent('x.gz', chunked(cases[1] as Buffer)).stream();
    await expect(collect(stream)).rejects.toBeInstanceOf(DecompressError);
  });

  it('yields no line of a small corrupt file (whole-buffer validation)', async () => {
    const gz = gzipSync('good line\n'.repeat(10));
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const line of openObjectContent('x.gz', gz.subarray(0, gz.length - 4)).lines())
          seen.push(line);
      })(),
    ).rejects.toBeInstanceOf(DecompressError);
    expect(seen).toEqual([]);
  });

  it('treats invalid UTF-8 as a parse error in plain objects and a decompression error in compressed ones', async () => {
    const bad = Buffer.from([0x61, 0x0a, 0x62, 0xff, 0x0a]);
    const plain = openObjectContent('x.log', chunked(bad, 2)).lines();
    await expect(collect(plain)).rejects.toThrow(
      new ParseError(
        "'utf-8' codec can't decode byte 0xff in position 3: invalid start byte",
        undefined,
        'UnicodeDecodeError',
      ),
    );
    const error = await collect(openObjectContent('x.log.gz', gzipSync(bad)).lines()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DecompressError);
    expect((error as Error).message).toBe('Invalid gzip file received.');
    expect(((error as Error).cause as Error).message).toMatch(/can't decode byte 0xff in position 3/);
  });

  it('reads the first entry of a zip archive (stored or deflated)', async () => {
    const text = 'first,entry\nline2\n'.repeat(50);
    for (const level of [0, 6] as const) {
      const zip = zipSync({
        'events.json': [Buffer.from(text), { level }],
        'other.json': Buffer.from('ignored'),
      });
      for (const body of bodies(zip)) expect(await openObjectContent('f.ZIP', body).text()).toBe(text);
    }
  });

  it('streams a large deflated entry and checks its CRC at the end', async () => {
    const random = randomBytes(9 * 1024 * 1024); // incompressible: above the one-call inflate size
    const zip = zipSync({ 'big.bin': [random, { level: 1 }] });
    const out = Buffer.concat(await collect(openObjectContent('big.zip', Buffer.from(zip)).stream()));
    expect(out.equals(random)).toBe(true);
    const corrupt = Buffer.from(zip);
    const crcAt = corrupt.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 16;
    corrupt[crcAt] = (corrupt[crcAt] as number) ^ 0xff;
    await expect(collect(openObjectContent('big.zip', corrupt).stream())).rejects.toThrow(
      'Invalid zip file received.',
    );
  });

  it('rejects broken, empty and directory-first zip archives', async () => {
    const good = zipSync({ 'a.txt': Buffer.from('some text '.repeat(100)) });
    const corrupt = Buffer.from(good);
    corrupt[40] = (corrupt[40] as number) ^ 0xff; // inside the deflated data
    const cases = [
      Buffer.from('PK not really'),
      zipSync({}),
      zipSync({ 'dir/': new Uint8Array(0), 'dir/a.txt': Buffer.from('x') }),
      good.subarray(0, good.length - 30),
      corrupt,
    ];
    for (const bad of cases) {
      await expect(openObjectContent('x.zip', Buffer.from(bad)).text()).rejects.toThrow(
        new DecompressError('Invalid zip file received.'),
      );
    }
  });

  it('refuses snappy objects with the reference text', async () => {
    const content = openObjectContent('logs/a.SNAPPY', Buffer.from('x'));
    await expect(content.text()).rejects.toThrow(
      new DecompressError("Couldn't decompress the logs/a.SNAPPY file, snappy compression is not supported."),
    );
  });

  it('stops at maxBytes instead of exhausting memory (gzip bomb)', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    await expect(openObjectContent('b.gz', bomb, { maxBytes: 1024 * 1024 }).text()).rejects.toThrow(
      /larger than the limit/,
    );
    await expect(
      collect(openObjectContent('b.gz', chunked(bomb, 4096), { maxBytes: 1024 * 1024 }).stream()),
    ).rejects.toThrow(/larger than the limit of 1048576 bytes/);
    await expect(
      openObjectContent('b', Buffer.alloc(100), { maxTextBytes: 10 }).text(),
    ).rejects.toBeInstanceOf(DecompressError);
  });

  it('lets a stream body be read only once, a buffer body many times', async () => {
    const content = openObjectContent('a', chunked(Buffer.from('x\n')));
    expect(await content.text()).toBe('x\n');
    await expect(content.text()).rejects.toThrow(/already read/);
    const again = openObjectContent('a', Buffer.from('x\n'));
    expect(await again.text()).toBe(await again.text());
  });

  it('passes errors of the body stream through unchanged', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('socket hang up'));
      },
    });
    await expect(openObjectContent('a.gz', failing).text()).rejects.toThrow('socket hang up');
  });

  it('knows compressed keys', () => {
    expect([
      isCompressedKey('a.gz'),
      isCompressedKey('a.Zip'),
      isCompressedKey('a.snappy'),
      isCompressedKey('a.json'),
    ]).toEqual([true, true, true, false]);
  });
});

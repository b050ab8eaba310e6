import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readObjectFile } from './object-file.js';

const body = (bytes: Uint8Array, chunk: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) =>
      Buffer.from(bytes.subarray(i * chunk, (i + 1) * chunk)),
    ),
  );

describe('readObjectFile', () => {
  const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 256);

  it('keeps a small body in memory', async () => {
    const object = await readObjectFile(body(bytes, 300), 10_000);
    expect(object.file.byteLength).toBe(5000);
    expect([...new Uint8Array(await object.file.slice(290, 310))]).toEqual([...bytes.slice(290, 310)]);
    expect(object.path).toBeUndefined();
    await object.close();
  });

  it('spills a large body to a temp file, reads any range from it and removes it on close', async () => {
    const object = await readObjectFile(body(bytes, 300), 1000);
    expect(object.file.byteLength).toBe(5000);
    for (const [start, end] of [
      [0, 5000],
      [299, 301],
      [4990, undefined],
      [-8, undefined],
    ] as const) {
      expect([...new Uint8Array(await object.file.slice(start, end))]).toEqual([...bytes.slice(start, end)]);
    }
    expect(existsSync(object.path as string)).toBe(true);
    await object.close();
    expect(existsSync(object.path as string)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { chunkedFile } from './chunked-file.js';

describe('chunkedFile', () => {
  it('reads any range across chunk boundaries like one buffer', () => {
    const whole = Uint8Array.from({ length: 100 }, (_, i) => i);
    const chunks = [whole.subarray(0, 7), whole.subarray(7, 8), whole.subarray(8, 50), whole.subarray(50)];
    const file = chunkedFile(chunks);
    expect(file.byteLength).toBe(100);
    for (const [start, end] of [
      [0, 100],
      [3, 9],
      [7, 8],
      [49, 51],
      [90, undefined],
      [-4, undefined],
      [60, 60],
    ] as const) {
      expect([...new Uint8Array(file.slice(start, end))]).toEqual([...whole.slice(start, end)]);
    }
  });
});

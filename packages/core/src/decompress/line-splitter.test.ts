import { describe, expect, it } from 'vitest';
import { createLineSplitter, splitLines } from './line-splitter.js';

const streamed = (chunks: string[]) => {
  const splitter = createLineSplitter();
  return [...chunks.flatMap((c) => splitter.push(c)), ...splitter.end()];
};

describe('line splitting (universal newlines)', () => {
  it.each([
    ['a\nb\n', ['a', 'b']],
    ['a\r\nb', ['a', 'b']],
    ['a\rb\r', ['a', 'b']],
    ['\n\n', ['', '']],
    ['', []],
    ['a\r\n\r\nb', ['a', '', 'b']],
    ['x\u2028y', ['x\u2028y']],
  ])('%j', (text, lines) => {
    expect([...splitLines(text)]).toEqual(lines);
    expect(streamed([text])).toEqual(lines);
    expect(streamed([...text])).toEqual(lines);
  });

  it('treats a \\r\\n split across chunks as one terminator', () => {
    expect(streamed(['a\r', '\nb', '\r', '', '\n', 'c'])).toEqual(['a', 'b', 'c']);
    expect(streamed(['a\r', 'b'])).toEqual(['a', 'b']);
  });
});

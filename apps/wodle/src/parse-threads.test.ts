import { describe, expect, it } from 'vitest';
import { defaultParseThreads } from './parse-threads.js';

describe('defaultParseThreads', () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 2],
    [5, 4],
    [64, 4],
  ])('%d CPUs → %d workers', (cpus, threads) => expect(defaultParseThreads(cpus)).toBe(threads));
});

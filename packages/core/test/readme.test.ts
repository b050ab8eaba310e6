// Runs every ```ts block of this package's README.md (except `ts no-run` ones) the way a reader
// would, with tsx against the package's sources, and checks that it prints exactly the ```text
// block shown after it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const TSX = join(PACKAGE_DIR, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
// Inside the package, so the example's imports of this package resolve as they do for a user.
const SCRATCH = join(PACKAGE_DIR, '.readme-examples');

const blocks = [
  ...readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8').matchAll(/```(\S*)([^\n]*)\n([\s\S]*?)```/g),
];
const examples = blocks.flatMap((block, i) => {
  if (block[1] !== 'ts' || block[2]?.includes('no-run')) return [];
  const next = blocks[i + 1];
  return [{ code: block[3] ?? '', output: next?.[1] === 'text' ? next[3] : undefined }];
});

afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

describe('README examples', () => {
  it('has a runnable example with its output', () => {
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.every((e) => e.output !== undefined)).toBe(true);
  });

  it.each(examples.map((example, i) => [i + 1, example] as const))(
    'example %i prints what the README shows',
    (n, example) => {
      mkdirSync(SCRATCH, { recursive: true });
      const file = join(SCRATCH, `example-${n}.mts`);
      writeFileSync(file, example.code);
      const stdout = execFileSync(process.execPath, [TSX, '--conditions', 'source', file], {
        cwd: PACKAGE_DIR,
        encoding: 'utf8',
        env: { ...process.env, TZ: 'UTC' },
      });
      expect(stdout).toBe(example.output);
    },
  );
});

// Runs every ```ts block of a package's README.md (except `ts no-run` ones) the way a reader
// would, with tsx against the package's sources, and checks that it prints exactly the ```text
// block shown after it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** Declares the README checks of the package whose folder is `packageDirUrl`. */
export function describeReadmeExamples(packageDirUrl: URL): void {
  const packageDir = fileURLToPath(packageDirUrl);
  const tsx = join(packageDir, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  // Inside the package, so the example's imports of this package resolve as they do for a user.
  const scratch = join(packageDir, '.readme-examples');
  const blocks = [
    ...readFileSync(join(packageDir, 'README.md'), 'utf8').matchAll(/```(\S*)([^\n]*)\n([\s\S]*?)```/g),
  ];
  const examples = blocks.flatMap((block, i) => {
    if (block[1] !== 'ts' || block[2]?.includes('no-run')) return [];
    const next = blocks[i + 1];
    return [{ code: block[3] ?? '', output: next?.[1] === 'text' ? next[3] : undefined }];
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  describe('README examples', () => {
    it('has a runnable example with its output', () => {
      expect(examples.length).toBeGreaterThan(0);
      expect(examples.every((e) => e.output !== undefined)).toBe(true);
    });

    it.each(examples.map((example, i) => [i + 1, example] as const))(
      'example %i prints what the README shows',
      (n, example) => {
        mkdirSync(scratch, { recursive: true });
        const file = join(scratch, `example-${n}.mts`);
        writeFileSync(file, example.code);
        const stdout = execFileSync(process.execPath, [tsx, '--conditions', 'source', file], {
          cwd: packageDir,
          encoding: 'utf8',
          env: { ...process.env, TZ: 'UTC' },
        });
        expect(stdout).toBe(example.output);
      },
    );
  });
}

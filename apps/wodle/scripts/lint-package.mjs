#!/usr/bin/env node
// `lint:package` of every published package (run from the package's folder, after its build):
// checks what `pnpm publish` would upload, the way a consumer sees it.
//   1. `publishConfig.exports` is `exports` without the repo-only `source` condition (pnpm
//      publishes publishConfig.exports in place of exports). `--fix` rewrites it.
//   2. `pnpm pack`, then every file that `exports`, `main`, `types` and `bin` name is in the
//      tarball, and no `source` condition is left in it.
//   3. publint (strict) and arethetypeswrong (ESM-only profile) on the tarball.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const cwd = process.cwd();
const manifestPath = join(cwd, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const fix = process.argv.includes('--fix');
const problems = [];

/** `exports` without `source` conditions, or undefined when it has none to strip. */
function stripSource(value) {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'source')
      .map(([key, inner]) => [key, stripSource(inner)]),
  );
}

function targets(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const inner of Object.values(value)) targets(inner, out);
  return out;
}

// 1. publishConfig.exports
if (manifest.exports && JSON.stringify(manifest.exports).includes('"source"')) {
  const expected = stripSource(manifest.exports);
  if (JSON.stringify(manifest.publishConfig?.exports) !== JSON.stringify(expected)) {
    if (fix) {
      manifest.publishConfig = { ...manifest.publishConfig, exports: expected };
      writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
      console.log(`${manifest.name}: publishConfig.exports updated`);
    } else {
      problems.push(
        'publishConfig.exports is not `exports` without `source`: run `node ../../apps/wodle/scripts/lint-package.mjs --fix`',
      );
    }
  }
}

// 2. the tarball
const temp = mkdtempSync(join(tmpdir(), 'wazuh-aws-pack-'));
try {
  execFileSync('pnpm', ['pack', '--pack-destination', temp], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = join(
    temp,
    readdirSync(temp).find((f) => f.endsWith('.tgz')),
  );
  execFileSync('tar', ['-xzf', tarball, '-C', temp]);
  const packed = JSON.parse(readFileSync(join(temp, 'package', 'package.json'), 'utf8'));
  if (JSON.stringify(packed.exports ?? {}).includes('"source"'))
    problems.push('the packed package.json still has a `source` condition');
  const bins = typeof packed.bin === 'string' ? [packed.bin] : Object.values(packed.bin ?? {});
  for (const file of [...targets(packed.exports), packed.main, packed.types, ...bins].filter(Boolean)) {
    if (!existsSync(join(temp, 'package', file)))
      problems.push(`${file} is referenced but not in the tarball`);
  }
  if (problems.length === 0) {
    // The tools are the root's devDependencies.
    const bin = (pkg, name) => join(REPO, 'node_modules', pkg, name);
    execFileSync(process.execPath, [bin('publint', 'src/cli.js'), 'run', tarball, '--strict'], {
      stdio: 'inherit',
    });
    // Packages without types (the CLI) have nothing for arethetypeswrong to check.
    if (packed.types || JSON.stringify(packed.exports ?? {}).includes('"types"')) {
      execFileSync(
        process.execPath,
        [
          bin('@arethetypeswrong/cli', 'dist/index.js'),
          tarball,
          '--profile',
          'esm-only',
          '--format',
          'table-flipped',
        ],
        {
          stdio: 'inherit',
        },
      );
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

if (problems.length > 0) {
  for (const p of problems) console.error(`${manifest.name}: ${p}`);
  process.exit(1);
}
console.log(`${manifest.name}: package OK`);

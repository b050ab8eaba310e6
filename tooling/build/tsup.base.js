// One tsup base for every package: ESM for Node 20, .d.ts, and no silent bundling of dependencies.
import { defineConfig } from 'tsup';

/**
 * @param {import('tsup').Options} [overrides]
 * @returns {import('tsup').Options | import('tsup').Options[]}
 */
export function defineLibraryConfig(overrides = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: false,
    skipNodeModulesBundle: true,
    ...overrides,
  });
}

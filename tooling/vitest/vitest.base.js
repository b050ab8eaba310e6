// Shared vitest settings: forked workers (native addons, process signals), generous timeouts for
// end-to-end tests that spawn the CLI, and workspace packages resolved to their TypeScript sources
// through the `source` export condition, so unit tests never need a build first.
import { defineConfig } from 'vitest/config';

/** @param {import('vitest/config').UserConfig['test']} [overrides] */
export function defineTestConfig(overrides = {}) {
  return defineConfig({
    resolve: { conditions: ['source'] },
    ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
    test: {
      pool: 'forks',
      testTimeout: 60_000,
      hookTimeout: 60_000,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: ['**/node_modules/**', '**/dist/**', '**/*.chaos.test.ts'],
      watch: false,
      ...overrides,
    },
  });
}

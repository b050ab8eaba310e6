// `pnpm test:chaos`: the long crash matrix (30+ kills per mode), kept out of the default `pnpm test`.
import { fileURLToPath } from 'node:url';
import { defineTestConfig } from '@wazuh-aws/vitest-config';

const config = defineTestConfig({
  include: ['test/chaos/**/*.chaos.test.ts'],
  exclude: ['**/node_modules/**', '**/dist/**'],
  testTimeout: 600_000,
});

export default { ...config, root: fileURLToPath(new URL('../..', import.meta.url)) };

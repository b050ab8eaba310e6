import { defineLibraryConfig } from '@wazuh-aws/build-config';

// The fakes come from the (source-only, private) testkit: bundle them into demo.js so the demo
// runs from its own dist after a plain `pnpm install`, with no build of test code.
export default defineLibraryConfig({
  entry: ['src/demo.ts'],
  dts: false,
  skipNodeModulesBundle: false,
  noExternal: ['@wazuh-aws/testkit'],
  external: ['unix-dgram', '@wazuh-aws/wodle'],
});

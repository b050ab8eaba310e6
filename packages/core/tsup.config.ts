import { defineLibraryConfig } from '@wazuh-aws/build-config';

// Several entries share code (errors, logger): split chunks so `instanceof` holds across subpaths.
export default defineLibraryConfig({
  entry: ['src/index.ts', 'src/state.ts', 'src/sender.ts', 'src/aws.ts', 'src/engine.ts', 'src/parse-worker.ts'],
  splitting: true,
});

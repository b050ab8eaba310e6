import { defineLibraryConfig } from '@wazuh-aws/build-config';

// Code splitting: each mode's modules (and the AWS SDK they import) load only when that mode runs.
export default defineLibraryConfig({ entry: ['src/cli.ts'], dts: false, splitting: true });

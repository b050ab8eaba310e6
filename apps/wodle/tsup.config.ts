import { defineLibraryConfig } from '@wazuh-aws/build-config';

export default defineLibraryConfig({ entry: ['src/cli.ts'], dts: false });

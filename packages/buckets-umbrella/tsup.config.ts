import { defineLibraryConfig } from '@wazuh-aws/build-config';

export default defineLibraryConfig();

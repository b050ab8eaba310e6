import { defineTestConfig } from '@wazuh-aws/vitest-config';

export default defineTestConfig();

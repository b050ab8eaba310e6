import { describeCorpusScenarios } from '@wazuh-aws/plugin-testkit';
import { config as plugin, toWazuhMessages } from '../src/index.js';

describeCorpusScenarios({
  plugin,
  toWazuhMessages,
  fixturesUrl: new URL('./fixtures/', import.meta.url),
  scenarios: ['config-first-run'],
});

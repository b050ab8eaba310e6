import { describeCorpusScenarios } from '@wazuh-aws/plugin-testkit';
import { custom as plugin, toWazuhMessages } from '../src/index.js';

describeCorpusScenarios({
  plugin,
  toWazuhMessages,
  fixturesUrl: new URL('./fixtures/', import.meta.url),
  scenarios: ['custom-first-run'],
});

import { describeCorpusScenarios } from '@wazuh-aws/plugin-testkit';
import { vpcflow as plugin, toWazuhMessages } from '../src/index.js';

describeCorpusScenarios({
  plugin,
  toWazuhMessages,
  fixturesUrl: new URL('./fixtures/', import.meta.url),
  scenarios: ['vpcflow-first-run'],
});

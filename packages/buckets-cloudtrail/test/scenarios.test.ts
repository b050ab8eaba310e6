import { describeCorpusScenarios } from '@wazuh-aws/plugin-testkit';
import { cloudtrail as plugin, toWazuhMessages } from '../src/index.js';

describeCorpusScenarios({
  plugin,
  toWazuhMessages,
  fixturesUrl: new URL('./fixtures/', import.meta.url),
  scenarios: ['cloudtrail-accounts-and-regions', 'cloudtrail-organization'],
});

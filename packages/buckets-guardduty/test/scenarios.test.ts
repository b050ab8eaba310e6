import { describeCorpusScenarios } from '@wazuh-aws/plugin-testkit';
import { guardduty as plugin, toWazuhMessages } from '../src/index.js';

describeCorpusScenarios({
  plugin,
  toWazuhMessages,
  fixturesUrl: new URL('./fixtures/', import.meta.url),
  scenarios: ['guardduty-first-run'],
});
